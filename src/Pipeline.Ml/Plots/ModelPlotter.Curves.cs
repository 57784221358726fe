using System.Globalization;
using ScottPlot;

namespace Pipeline.Ml.Plots;

public sealed partial class ModelPlotter
{
    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>ROC curve (FPR on x, TPR on y) with the chance diagonal and the AUC in title and legend.</summary>
    public string RocCurve(CurvePoints roc, double auc, string path)
    {
        roc.Validate("ROC curve");
        var plot = NewPlot($"ROC curve (AUC = {F(auc)})", "False positive rate", "True positive rate");
        Curve(plot, roc, $"ROC (AUC = {F(auc)})");
        Diagonal(plot, "Chance");
        plot.Axes.SetLimits(0, 1, 0, 1.02);
        plot.ShowLegend(Alignment.LowerRight);
        return Save(plot, path);
    }

    /// <summary>Precision-recall curve (recall on x, precision on y) with average precision and the positive rate baseline.</summary>
    /// <param name="pr">Recall (X) and precision (Y).</param>
    /// <param name="averagePrecision">Shown in title and legend.</param>
    /// <param name="positiveRate">The no-skill precision (share of positives), drawn as a dashed line; none when null.</param>
    /// <param name="path">The PNG path.</param>
    public string PrecisionRecallCurve(CurvePoints pr, double averagePrecision, double? positiveRate, string path)
    {
        pr.Validate("Precision-recall curve");
        var plot = NewPlot($"Precision-recall curve (AP = {F(averagePrecision)})", "Recall", "Precision");
        Curve(plot, pr, $"PR (AP = {F(averagePrecision)})");
        if (positiveRate is { } p)
        {
            var line = plot.Add.HorizontalLine(p);
            line.LinePattern = LinePattern.Dashed;
            line.Color = Colors.Gray;
            line.LegendText = $"No skill ({F(p)})";
        }
        plot.Axes.SetLimits(0, 1, 0, 1.02);
        plot.ShowLegend(Alignment.LowerLeft);
        return Save(plot, path);
    }

    /// <summary>Cumulative lift curve: share of samples targeted (x) against lift (y), with the baseline lift 1.</summary>
    public string LiftCurve(CurvePoints lift, string path)
    {
        lift.Validate("Lift curve");
        var plot = NewPlot("Lift curve", "Share of samples (sorted by score)", "Lift");
        Curve(plot, lift, "Model");
        var line = plot.Add.HorizontalLine(1);
        line.LinePattern = LinePattern.Dashed;
        line.Color = Colors.Gray;
        line.LegendText = "Baseline";
        plot.Axes.SetLimitsX(0, 1);
        plot.Axes.SetLimitsY(0, Math.Max(1.1, lift.Y.Where(double.IsFinite).DefaultIfEmpty(1).Max() * 1.05));
        plot.ShowLegend(Alignment.UpperRight);
        return Save(plot, path);
    }

    /// <summary>Calibration (reliability) curve: mean predicted probability (x) against observed frequency (y), with the perfect diagonal.</summary>
    public string CalibrationCurve(CurvePoints calibration, string path)
    {
        calibration.Validate("Calibration curve");
        var plot = NewPlot("Calibration curve", "Mean predicted probability", "Fraction of positives");
        var s = Curve(plot, calibration, "Model");
        s.MarkerSize = 7;
        Diagonal(plot, "Perfectly calibrated");
        plot.Axes.SetLimits(0, 1, 0, 1.02);
        plot.ShowLegend(Alignment.UpperLeft);
        return Save(plot, path);
    }
}
