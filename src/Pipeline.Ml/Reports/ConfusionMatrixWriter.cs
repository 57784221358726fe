using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;
using Pipeline.Ml.Plots;

namespace Pipeline.Ml.Reports;

/// <summary>
/// Draws just the confusion matrix of classifier predictions as a PNG, rows the true class and columns the
/// predicted one, axes labelled with the class values (the sweep logs one per trial from out-of-fold predictions).
/// </summary>
/// <param name="options">PNG size and font; default <see cref="PlotOptions"/>' defaults.</param>
public sealed class ConfusionMatrixWriter(PlotOptions? options = null)
{
    private readonly ModelPlotter _plotter = new(options);

    /// <summary>Writes the PNG to <paramref name="path"/> (creating its folder) and returns the path.</summary>
    /// <param name="predictions">Binary or multiclass predictions.</param>
    /// <param name="path">The PNG path, e.g. <c>confusion_matrix.png</c>.</param>
    /// <param name="title">The title; default "Confusion matrix".</param>
    /// <exception cref="ArgumentException">Regression predictions.</exception>
    public string Write(PredictionSet predictions, string path, string title = "Confusion matrix")
    {
        ArgumentNullException.ThrowIfNull(predictions);
        if (predictions.Task == TaskKind.Regression)
            throw new ArgumentException("A confusion matrix needs classification predictions; these are regression.", nameof(predictions));
        return Draw(_plotter, ConfusionMatrix.From(predictions.ActualClasses, predictions.PredictedClasses, predictions.ClassValues), path, title);
    }

    internal static string Draw(ModelPlotter plotter, ConfusionMatrix matrix, string path, string title = "Confusion matrix")
    {
        var n = matrix.Labels.Count;
        var counts = new int[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) counts[i, j] = checked((int)matrix.Counts[i][j]);
        return plotter.ConfusionMatrix(counts, ClassLabels.Format(matrix.Labels), path, title);
    }
}
