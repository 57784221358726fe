using ScottPlot;

namespace Pipeline.Ml.Plots;

public sealed partial class ModelPlotter
{
    /// <summary>Several ROC curves (e.g. one per class, one-vs-rest) with the chance diagonal.</summary>
    public string RocCurves(IReadOnlyList<LabeledCurve> curves, string path) =>
        Series("ROC curve", "False positive rate", "True positive rate", curves, path, plot => Diagonal(plot, "Chance"), Alignment.LowerRight);

    /// <summary>Several precision-recall curves (recall on x, precision on y).</summary>
    public string PrecisionRecallCurves(IReadOnlyList<LabeledCurve> curves, string path) =>
        Series("Precision-recall curve", "Recall", "Precision", curves, path, null, Alignment.LowerLeft);

    /// <summary>Several calibration curves with the perfectly calibrated diagonal.</summary>
    public string CalibrationCurves(IReadOnlyList<LabeledCurve> curves, string path) =>
        Series("Calibration curve", "Mean predicted probability", "Fraction of positives", curves, path,
            plot => Diagonal(plot, "Perfectly calibrated"), Alignment.UpperLeft, markers: true);

    /// <summary>Several cumulative lift curves with the baseline lift 1.</summary>
    public string LiftCurves(IReadOnlyList<LabeledCurve> curves, string path)
    {
        var top = curves.SelectMany(c => c.Points.Y).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        return Series("Lift curve", "Share of samples (sorted by score)", "Lift", curves, path, plot =>
        {
            var line = plot.Add.HorizontalLine(1);
            line.LinePattern = LinePattern.Dashed;
            line.Color = Colors.Gray;
            line.LegendText = "Baseline";
        }, Alignment.UpperRight, yMax: Math.Max(1.1, top * 1.05));
    }

    private static readonly LinePattern[] Patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];

    private string Series(
        string title, string xLabel, string yLabel, IReadOnlyList<LabeledCurve> curves, string path,
        Action<Plot>? reference, Alignment legend, bool markers = false, double yMax = 1.02)
    {
        ArgumentNullException.ThrowIfNull(curves);
        if (curves.Count == 0) throw new ArgumentException($"{title}: no curves to plot.", nameof(curves));
        foreach (var c in curves) c.Points.Validate($"{title} '{c.Label}'");
        var plot = NewPlot(title, xLabel, yLabel);
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < curves.Count; i++)
        {
            var s = Curve(plot, curves[i].Points, curves[i].Label);
            s.Color = palette.GetColor(i);
            // Colour alone fails where curves coincide (one hides another) and for colour-blind readers: vary the dash too.
            s.LinePattern = Patterns[i % Patterns.Length];
            s.LineWidth = i == 0 ? 2.5f : 2;
            if (markers) s.MarkerSize = 7;
        }

        reference?.Invoke(plot);
        plot.Axes.SetLimits(0, 1, 0, yMax);
        plot.ShowLegend(legend);
        return Save(plot, path);
    }
}
