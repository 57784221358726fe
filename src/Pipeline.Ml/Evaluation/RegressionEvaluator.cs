namespace Pipeline.Ml.Evaluation;

/// <summary>
/// MLflow's default regressor metrics, computed as scikit-learn does. r2_score of a constant target is
/// 1 for a perfect fit and 0 otherwise (scikit-learn's <c>force_finite</c>); the percentage error divides
/// by max(|y|, ε).
/// </summary>
public static class RegressionEvaluator
{
    /// <summary>Computes the metric set.</summary>
    public static MetricSet Evaluate(IReadOnlyList<double> actual, IReadOnlyList<double> predicted)
    {
        Checks.SameLength(actual, predicted);
        int n = actual.Count;
        double sum = 0, absolute = 0, squared = 0, max = 0, percentage = 0;
        for (var i = 0; i < n; i++)
        {
            var error = Math.Abs(actual[i] - predicted[i]);
            sum += actual[i];
            absolute += error;
            squared += error * error;
            max = Math.Max(max, error);
            percentage += error / Math.Max(Math.Abs(actual[i]), 2.220446049250313e-16);
        }

        var mean = sum / n;
        var total = actual.Sum(y => (y - mean) * (y - mean));
        var r2 = total != 0 ? 1 - squared / total : squared == 0 ? 1 : 0;
        return new MetricSet(
        [
            new(MetricNames.ExampleCount, n),
            new(MetricNames.MeanAbsoluteError, absolute / n),
            new(MetricNames.MeanSquaredError, squared / n),
            new(MetricNames.RootMeanSquaredError, Math.Sqrt(squared / n)),
            new(MetricNames.SumOnTarget, sum),
            new(MetricNames.MeanOnTarget, mean),
            new(MetricNames.R2, r2),
            new(MetricNames.MaxError, max),
            new(MetricNames.MeanAbsolutePercentageError, percentage / n),
        ]);
    }
}
