namespace Pipeline.Ml.Evaluation;

/// <summary>
/// A confusion matrix: <c>Counts[i][j]</c> rows of true class <c>Labels[i]</c> predicted as <c>Labels[j]</c>
/// (scikit-learn's layout: rows are truth, columns predictions).
/// </summary>
/// <param name="Labels">Class values, ascending.</param>
/// <param name="Counts">Counts, truth by prediction.</param>
public sealed record ConfusionMatrix(IReadOnlyList<double> Labels, IReadOnlyList<IReadOnlyList<long>> Counts)
{
    /// <summary>Builds the matrix from class indices into <paramref name="labels"/>.</summary>
    public static ConfusionMatrix From(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, IReadOnlyList<double> labels)
    {
        if (truth.Count != predicted.Count) throw new ArgumentException($"{truth.Count} labels but {predicted.Count} predictions.");
        var counts = labels.Select(_ => new long[labels.Count]).ToArray();
        for (var i = 0; i < truth.Count; i++) counts[truth[i]][predicted[i]]++;
        return new ConfusionMatrix(labels, counts);
    }

    /// <summary>
    /// Each row divided by its total (scikit-learn's <c>normalize="true"</c>, what MLflow plots);
    /// a row with no examples stays zero.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<double>> NormalizedByTruth() =>
        Counts.Select(row =>
        {
            double total = row.Sum();
            return (IReadOnlyList<double>)row.Select(c => total == 0 ? 0 : c / total).ToArray();
        }).ToArray();
}
