using ScottPlot;

namespace Pipeline.Ml.Plots;

public sealed partial class ModelPlotter
{
    /// <summary>Predicted (y) against actual (x) values with the identity line y = x.</summary>
    public string PredictedVsActual(double[] actual, double[] predicted, string path)
    {
        CheckPairs(actual, predicted);
        var plot = NewPlot("Predicted vs actual", "Actual", "Predicted");
        var points = plot.Add.ScatterPoints(actual, predicted);
        points.MarkerSize = 5;
        points.LegendText = "Samples";
        var all = actual.Concat(predicted).Where(double.IsFinite).ToArray();
        double lo = all.Length > 0 ? all.Min() : 0, hi = all.Length > 0 ? all.Max() : 1;
        if (hi <= lo) hi = lo + 1;
        var line = plot.Add.Line(lo, lo, hi, hi);
        line.LinePattern = LinePattern.Dashed;
        line.Color = Colors.Gray;
        line.LegendText = "y = x";
        plot.ShowLegend(Alignment.UpperLeft);
        return Save(plot, path);
    }

    /// <summary>Residuals (actual − predicted, y) against predicted values (x), with the zero line.</summary>
    public string Residuals(double[] actual, double[] predicted, string path)
    {
        CheckPairs(actual, predicted);
        var residuals = actual.Zip(predicted, (a, p) => a - p).ToArray();
        var plot = NewPlot("Residuals", "Predicted", "Residual (actual - predicted)");
        var points = plot.Add.ScatterPoints(predicted, residuals);
        points.MarkerSize = 5;
        var zero = plot.Add.HorizontalLine(0);
        zero.LinePattern = LinePattern.Dashed;
        zero.Color = Colors.Gray;
        return Save(plot, path);
    }

    private static void CheckPairs(double[] actual, double[] predicted)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        if (actual.Length != predicted.Length)
            throw new ArgumentException($"{actual.Length} actual values but {predicted.Length} predictions.");
        if (actual.Length == 0)
            throw new ArgumentException("No values to plot.");
    }
}
