using System.Text.Json;
using Pipeline.Ml.Evaluation;
using Pipeline.Ml.Reports;
using Pipeline.Ml.Tests.Models;

namespace Pipeline.Ml.Tests.Reports;

public class EvaluationReportWriterTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose()
    {
        // Set PIPELINE_KEEP_PLOTS to a folder to keep the reports for a look.
        if (Environment.GetEnvironmentVariable("PIPELINE_KEEP_PLOTS") is { Length: > 0 } keep)
        {
            var target = Path.Combine(keep, Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(target);
            foreach (var file in Directory.EnumerateFiles(_temp.Path)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        _temp.Dispose();
    }

    [Fact]
    public void Write_Binary_WritesMlflowPlotsWithJsonBesideEach()
    {
        var predictions = ReportTestModels.Binary();

        var report = new EvaluationReportWriter().Write(predictions, _temp.Path);

        Assert.Equal(
        [
            "roc_curve_plot.png", "roc_curve_plot.json", "precision_recall_curve_plot.png", "precision_recall_curve_plot.json",
            "lift_curve_plot.png", "lift_curve_plot.json", "calibration_curve_plot.png", "calibration_curve_plot.json",
            "confusion_matrix.png", "confusion_matrix.json",
        ], report.Files);
        AssertFilesValid(report);
        Assert.Equal(ModelEvaluator.Evaluate(predictions).ToArray(), report.Metrics.ToArray());
        var roc = CurveJson.Deserialize<RocCurve>(File.ReadAllText(_temp.Combine("roc_curve_plot.json")))!;
        Assert.Equal(report.Metrics["roc_auc"], roc.Auc, 12);
        Assert.Equal(double.PositiveInfinity, roc.Thresholds[0]);
        using var matrix = JsonDocument.Parse(File.ReadAllText(_temp.Combine("confusion_matrix.json")));
        Assert.Equal([0.0, 1.0], matrix.RootElement.GetProperty("labels").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(report.Metrics["true_positives"], matrix.RootElement.GetProperty("counts")[1][1].GetInt64());
    }

    [Fact]
    public void Write_Multiclass_WritesPerClassCurvesAndMetricsCsv()
    {
        var predictions = ReportTestModels.Multiclass();

        var report = new EvaluationReportWriter().Write(predictions, _temp.Path);

        Assert.Equal(
        [
            "calibration_curve_plot.png", "calibration_curve_plot.json", "roc_curve_plot.png", "roc_curve_plot.json",
            "precision_recall_curve_plot.png", "precision_recall_curve_plot.json", "per_class_metrics.csv",
            "confusion_matrix.png", "confusion_matrix.json",
        ], report.Files);
        AssertFilesValid(report);
        var rocs = CurveJson.Deserialize<RocCurve[]>(File.ReadAllText(_temp.Combine("roc_curve_plot.json")))!;
        Assert.Equal([0.0, 1.0, 2.0], rocs.Select(r => r.PositiveClass));

        var csv = File.ReadAllLines(_temp.Combine("per_class_metrics.csv"));
        Assert.Equal("positive_class,true_negatives,false_positives,false_negatives,true_positives,example_count,"
            + "accuracy_score,recall_score,precision_score,f1_score,roc_auc,precision_recall_auc", csv[0]);
        Assert.Equal(4, csv.Length);
        var rows = csv[1..].Select(l => l.Split(',')).ToArray();
        Assert.Equal(["0", "1", "2"], rows.Select(r => r[0]));
        Assert.All(rows, r => Assert.Equal(predictions.Actual.Count.ToString(), r[5]));
        // Correct predictions, counted per class, add up to the accuracy.
        Assert.Equal(report.Metrics["accuracy_score"] * predictions.Actual.Count, rows.Sum(r => long.Parse(r[4])), 9);
        Assert.Equal(rocs[1].Auc, double.Parse(rows[1][10], System.Globalization.CultureInfo.InvariantCulture), 15);
    }

    [Fact]
    public void Write_MulticlassAboveRocPrClassLimit_LeavesOutRocPrAndTheirColumns()
    {
        var report = new EvaluationReportWriter(new EvaluationReportOptions { MaxClassesForMulticlassRocPr = 2 })
            .Write(ReportTestModels.Multiclass(), _temp.Path);

        Assert.DoesNotContain("roc_curve_plot.png", report.Files);
        Assert.Contains("calibration_curve_plot.png", report.Files);
        Assert.EndsWith(",f1_score", File.ReadLines(_temp.Combine("per_class_metrics.csv")).First());
    }

    [Fact]
    public void Write_Regression_WritesPredictedVsActualAndResiduals()
    {
        var predictions = ReportTestModels.Regression();

        var report = new EvaluationReportWriter().Write(predictions, _temp.Path);

        Assert.Equal(["predicted_vs_actual_plot.png", "predicted_vs_actual_plot.json", "residuals_plot.png", "residuals_plot.json"], report.Files);
        AssertFilesValid(report);
        Assert.Equal(predictions.Actual.Count, (int)report.Metrics["example_count"]);
        using var residuals = JsonDocument.Parse(File.ReadAllText(_temp.Combine("residuals_plot.json")));
        Assert.Equal(predictions.Actual[0] - predictions.Predicted[0], residuals.RootElement.GetProperty("y")[0].GetDouble(), 9);
    }

    [Fact]
    public void Write_ClassifierWithoutProbabilities_WritesOnlyTheConfusionMatrix()
    {
        var binary = ReportTestModels.Binary() with { Probabilities = null };

        var report = new EvaluationReportWriter().Write(binary, _temp.Path);

        Assert.Equal(["confusion_matrix.png", "confusion_matrix.json"], report.Files);
        Assert.False(report.Metrics.TryGet("roc_auc", out _));
    }

    [Fact]
    public void ConfusionMatrixWriter_WritesPng_RefusesRegression()
    {
        var writer = new ConfusionMatrixWriter();

        var path = writer.Write(ReportTestModels.Multiclass(), _temp.Combine("trial", "confusion_matrix.png"));
        var e = Assert.Throws<ArgumentException>(() => writer.Write(ReportTestModels.Regression(), _temp.Combine("x.png")));

        AssertPng(path);
        Assert.Contains("regression", e.Message);
    }

    private void AssertFilesValid(EvaluationReport report)
    {
        foreach (var file in report.Files)
        {
            var path = _temp.Combine(file);
            Assert.True(File.Exists(path), $"{file} was not written");
            if (file.EndsWith(".png", StringComparison.Ordinal)) AssertPng(path);
            if (file.EndsWith(".json", StringComparison.Ordinal)) JsonDocument.Parse(File.ReadAllText(path)).Dispose();
        }
    }

    private static void AssertPng(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.True(bytes.Length > 10_000, $"{path} is only {bytes.Length} bytes");
    }
}
