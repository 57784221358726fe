using Pipeline.Ml.Evaluation;

namespace Pipeline.Ml.Training;

/// <summary>
/// The outcome of K-fold cross-validation: per-fold results, the mean and the standard deviation of every
/// metric over folds (population, ddof = 0, as scikit-learn's GridSearchCV <c>std_test_score</c>), the sum
/// of fit times and the wall time of the whole run (fits, predictions and metrics).
/// </summary>
public sealed record CrossValidationResult(
    IReadOnlyList<FoldResult> Folds,
    MetricSet Mean,
    MetricSet StandardDeviation,
    TimeSpan TotalFitTime,
    TimeSpan Elapsed);
