using Pipeline.Ml.Plots;
using Pipeline.Ml.Tests.Models;

namespace Pipeline.Ml.Tests.Plots;

public class ModelPlotterTests : IDisposable
{
    private readonly TempDir _temp = new();
    // Set PIPELINE_KEEP_PLOTS to a folder to keep the PNGs for a look.
    private string Out(string name) => Environment.GetEnvironmentVariable("PIPELINE_KEEP_PLOTS") is { Length: > 0 } keep
        ? System.IO.Path.Combine(keep, name) : _temp.Combine(name);
    private readonly ModelPlotter _plotter = new();
    public void Dispose() => _temp.Dispose();

    private static void AssertPng(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.True(bytes.Length > 10_000, $"{path} is only {bytes.Length} bytes");
    }

    private static readonly CurvePoints Roc = new([0, 0.05, 0.1, 0.3, 0.6, 1], [0, 0.6, 0.8, 0.92, 0.98, 1]);

    [Fact]
    public void EveryPlot_WritesAValidPng()
    {
        var actual = Enumerable.Range(0, 50).Select(i => i * 0.5).ToArray();
        var predicted = actual.Select((a, i) => a + Math.Sin(i)).ToArray();
        string[] paths =
        [
            _plotter.RocCurve(Roc, 0.93, Out("roc.png")),
            _plotter.PrecisionRecallCurve(new([0, 0.5, 0.8, 1], [1, 0.95, 0.85, 0.4]), 0.88, 0.4, Out("pr.png")),
            _plotter.LiftCurve(new([0.1, 0.2, 0.5, 1], [2.4, 2.2, 1.6, 1]), Out("lift.png")),
            _plotter.CalibrationCurve(new([0.05, 0.3, 0.5, 0.7, 0.95], [0.02, 0.25, 0.55, 0.75, 0.97]), Out("calibration.png")),
            _plotter.ConfusionMatrix(new[,] { { 70, 3 }, { 2, 39 } }, ["benign", "malignant"], Out("cm.png")),
            _plotter.ConfusionMatrix(new[,] { { 20, 1, 0 }, { 2, 15, 3 }, { 0, 4, 18 } }, ["setosa", "versicolor", "virginica"], Out("cm3.png")),
            _plotter.PredictedVsActual(actual, predicted, Out("pva.png")),
            _plotter.Residuals(actual, predicted, Out("residuals.png")),
        ];
        Assert.All(paths, AssertPng);
    }

    [Fact]
    public void ConfusionMatrix_LabelCountMismatch_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => _plotter.ConfusionMatrix(new int[2, 2], ["a"], _temp.Combine("x.png")));
        Assert.Contains("2 classes but 1 labels", e.Message);
    }

    [Fact]
    public void RocCurve_RaggedPoints_ThrowsNamingPlot()
    {
        var e = Assert.Throws<ArgumentException>(() => _plotter.RocCurve(new([0, 1], [0]), 0.5, _temp.Combine("x.png")));
        Assert.Contains("ROC curve: X has 2 points but Y has 1", e.Message);
    }

    [Fact]
    public void CurveDataWriter_WritesJsonBesidePng()
    {
        var json = CurveDataWriter.WriteBeside(_temp.Combine("roc.png"), Roc, new Dictionary<string, double> { ["auc"] = 0.93, ["bad"] = double.NaN });
        Assert.Equal(_temp.Combine("roc.json"), json);
        Assert.Equal("{\"x\":[0,0.05,0.1,0.3,0.6,1],\"y\":[0,0.6,0.8,0.92,0.98,1],\"auc\":0.93,\"bad\":null}", File.ReadAllText(json));
    }
}
