using System.Globalization;
using ScottPlot;

namespace Pipeline.Ml.Plots;

public sealed partial class ModelPlotter
{
    /// <summary>
    /// Confusion matrix heat map with the count in every cell, for two or more classes: rows are the
    /// actual class (top to bottom), columns the predicted class (left to right), as scikit-learn's
    /// <c>ConfusionMatrixDisplay</c> and MLflow draw it, in matplotlib's <c>Blues</c> sense: the more, the darker.
    /// </summary>
    /// <param name="counts">counts[actual, predicted]; square, one row per label.</param>
    /// <param name="labels">Class labels, in index order.</param>
    /// <param name="path">The PNG path.</param>
    /// <param name="title">The title; default "Confusion matrix".</param>
    public string ConfusionMatrix(int[,] counts, IReadOnlyList<string> labels, string path, string title = "Confusion matrix")
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(labels);
        int n = counts.GetLength(0);
        if (n == 0 || counts.GetLength(1) != n)
            throw new ArgumentException($"Confusion matrix must be square and non-empty, got {n} x {counts.GetLength(1)}.", nameof(counts));
        if (labels.Count != n)
            throw new ArgumentException($"Confusion matrix has {n} classes but {labels.Count} labels were given.", nameof(labels));

        var plot = NewPlot(title, "Predicted label", "True label");
        var values = new double[n, n];
        int max = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                if (counts[i, j] < 0)
                    throw new ArgumentException($"Confusion matrix cell [{i}, {j}] is negative ({counts[i, j]}).", nameof(counts));
                values[i, j] = counts[i, j];
                max = Math.Max(max, counts[i, j]);
            }
        var heat = plot.Add.Heatmap(values);
        // ScottPlot's Blues runs dark (0) to white (max), the reverse of matplotlib's: reversed, the diagonal is dark.
        heat.Colormap = new ReversedColormap(new ScottPlot.Colormaps.Blues());
        // Cells centred on integer coordinates: column j at x = j, row i at y = n - 1 - i (row 0 on top).
        heat.Extent = new CoordinateRect(-0.5, n - 0.5, -0.5, n - 0.5);
        plot.Add.ColorBar(heat);
        float fontSize = n <= 4 ? 18 : n <= 10 ? 12 : 8;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                var text = plot.Add.Text(counts[i, j].ToString(CultureInfo.InvariantCulture), j, n - 1 - i);
                text.LabelFontSize = fontSize;
                text.LabelAlignment = Alignment.MiddleCenter;
                // White on the dark, high cells; black on the light ones (matplotlib's rule, at half the maximum).
                text.LabelFontColor = counts[i, j] > max / 2.0 ? Colors.White : Colors.Black;
            }
        var positions = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels.ToArray());
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            positions, Enumerable.Range(0, n).Select(i => labels[n - 1 - i]).ToArray());
        // Class names must be readable at the report's size: ScottPlot's default ticks are 12 px.
        float tickSize = n <= 10 ? 16 : 11;
        plot.Axes.Bottom.TickLabelStyle.FontSize = tickSize;
        plot.Axes.Left.TickLabelStyle.FontSize = tickSize;
        plot.Axes.Bottom.Label.FontSize = 16;
        plot.Axes.Left.Label.FontSize = 16;
        plot.Axes.SetLimits(-0.5, n - 0.5, -0.5, n - 0.5);
        return Save(plot, path);
    }
}
