namespace Pipeline.Ml.Evaluation;

/// <summary>
/// MLflow's default classifier metrics for two classes, computed as scikit-learn does. Class 1 is the
/// positive class (MLflow takes the larger label value). Undefined ratios (no predicted or no true
/// positives) are 0, as scikit-learn's <c>zero_division</c> default.
/// </summary>
public static class BinaryClassificationEvaluator
{
    /// <summary>Computes the metric set.</summary>
    /// <param name="actual">True classes, 0 or 1.</param>
    /// <param name="predicted">Predicted classes, 0 or 1.</param>
    /// <param name="positiveProbability">Probability of class 1 per row; null leaves out log_loss, roc_auc and precision_recall_auc.</param>
    public static MetricSet Evaluate(IReadOnlyList<int> actual, IReadOnlyList<int> predicted, IReadOnlyList<double>? positiveProbability)
    {
        Checks.SameLength(actual, predicted, positiveProbability);
        long tn = 0, fp = 0, fn = 0, tp = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            Checks.Class(actual[i], 2, i);
            Checks.Class(predicted[i], 2, i);
            if (actual[i] == 1) { if (predicted[i] == 1) tp++; else fn++; }
            else if (predicted[i] == 1) fp++;
            else tn++;
        }

        var metrics = new List<KeyValuePair<string, double>>
        {
            new(MetricNames.TrueNegatives, tn),
            new(MetricNames.FalsePositives, fp),
            new(MetricNames.FalseNegatives, fn),
            new(MetricNames.TruePositives, tp),
            new(MetricNames.ExampleCount, actual.Count),
            new(MetricNames.Accuracy, (double)(tp + tn) / actual.Count),
            new(MetricNames.Recall, Ratio(tp, tp + fn)),
            new(MetricNames.Precision, Ratio(tp, tp + fp)),
            new(MetricNames.F1, Ratio(2 * tp, 2 * tp + fp + fn)),
        };
        if (positiveProbability is not null)
        {
            var probabilities = positiveProbability.Select(p => (IReadOnlyList<double>)[1 - p, p]).ToArray();
            var positive = actual.Select(a => a == 1).ToArray();
            metrics.Add(new(MetricNames.LogLoss, LogLoss.Compute(actual, probabilities)));
            metrics.Add(new(MetricNames.RocAuc, ClassificationCurves.Roc(positive, positiveProbability).Auc));
            metrics.Add(new(MetricNames.PrecisionRecallAuc, ClassificationCurves.PrecisionRecall(positive, positiveProbability).AveragePrecision));
        }

        return new MetricSet(metrics);
    }

    internal static double Ratio(double numerator, double denominator) => denominator == 0 ? 0 : numerator / denominator;
}
