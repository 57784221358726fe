namespace Pipeline.Ml.Evaluation;

/// <summary>
/// MLflow's default classifier metrics for three or more classes, computed as scikit-learn does:
/// example_count, accuracy_score, recall_score, precision_score, f1_score (averaged over the classes
/// present in the truth or the predictions, support-weighted by default), log_loss, and roc_auc
/// (one-vs-rest, averaged the same way over the classes present in the truth).
/// </summary>
public static class MulticlassClassificationEvaluator
{
    /// <summary>Computes the metric set.</summary>
    /// <param name="actual">True class indices.</param>
    /// <param name="predicted">Predicted class indices.</param>
    /// <param name="probabilities">Per row, one probability per class (index order); null leaves out log_loss and roc_auc.</param>
    /// <param name="average">How per-class scores are averaged; default <see cref="ClassAverage.Weighted"/>, as MLflow.</param>
    public static MetricSet Evaluate(
        IReadOnlyList<int> actual,
        IReadOnlyList<int> predicted,
        IReadOnlyList<IReadOnlyList<double>>? probabilities,
        ClassAverage average = ClassAverage.Weighted)
    {
        Checks.SameLength(actual, predicted, probabilities);
        var classes = Math.Max(actual.Max(), predicted.Max()) + 1;
        if (probabilities is not null) classes = Math.Max(classes, probabilities[0].Count);
        var matrix = ConfusionMatrix.From(actual, predicted, Enumerable.Range(0, classes).Select(c => (double)c).ToArray()).Counts;
        var present = Enumerable.Range(0, classes).Where(c => Support(matrix, c) > 0 || Predicted(matrix, c) > 0).ToArray();

        double Averaged(Func<int, double> score) => Average(present, c => Support(matrix, c), score, average);
        var metrics = new List<KeyValuePair<string, double>>
        {
            new(MetricNames.ExampleCount, actual.Count),
            new(MetricNames.Accuracy, (double)present.Sum(c => matrix[c][c]) / actual.Count),
            new(MetricNames.Recall, Averaged(c => BinaryClassificationEvaluator.Ratio(matrix[c][c], Support(matrix, c)))),
            new(MetricNames.Precision, Averaged(c => BinaryClassificationEvaluator.Ratio(matrix[c][c], Predicted(matrix, c)))),
            new(MetricNames.F1, Averaged(c => BinaryClassificationEvaluator.Ratio(2.0 * matrix[c][c], Support(matrix, c) + Predicted(matrix, c)))),
        };
        if (probabilities is not null)
        {
            if (probabilities.Any(r => r.Count != classes))
                throw new ArgumentException($"Every probability row must have {classes} values.");
            metrics.Add(new(MetricNames.LogLoss, LogLoss.Compute(actual, probabilities)));
            var inTruth = present.Where(c => Support(matrix, c) > 0).ToArray();
            metrics.Add(new(MetricNames.RocAuc, Average(inTruth, c => Support(matrix, c), c => ClassificationCurves.Roc(
                actual.Select(a => a == c).ToArray(), probabilities.Select(r => r[c]).ToArray(), c).Auc, average)));
        }

        return new MetricSet(metrics);
    }

    private static double Average(int[] classes, Func<int, double> weight, Func<int, double> score, ClassAverage average)
    {
        if (average == ClassAverage.Macro) return classes.Average(score);
        var total = classes.Sum(weight);
        return total == 0 ? 0 : classes.Sum(c => weight(c) * score(c)) / total;
    }

    private static long Support(IReadOnlyList<IReadOnlyList<long>> matrix, int c) => matrix[c].Sum();

    private static long Predicted(IReadOnlyList<IReadOnlyList<long>> matrix, int c) => matrix.Sum(row => row[c]);
}
