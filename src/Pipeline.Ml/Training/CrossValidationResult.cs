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
    TimeSpan Elapsed)
{
    /// <summary>
    /// Every fold's held-out predictions as one set, fold after fold (rows in <see cref="OutOfFoldRowIndices"/>
    /// order), so that each training row appears exactly once. Classes are the sorted union of the folds'
    /// class values; a class a fold model never saw gets probability 0 from it.
    /// </summary>
    /// <exception cref="InvalidOperationException">A fold has no predictions (a result not made by <see cref="CrossValidator"/>).</exception>
    public PredictionSet OutOfFoldPredictions() => OutOfFold.Combine(Folds.Select(PredictionsOf).ToArray());

    /// <summary>The training-table row of each row of <see cref="OutOfFoldPredictions"/>, in the same order.</summary>
    public IReadOnlyList<int> OutOfFoldRowIndices() =>
        Folds.SelectMany(f => f.ValidationRowIndices ?? throw Missing(f)).ToArray();

    private static PredictionSet PredictionsOf(FoldResult fold) => fold.Predictions ?? throw Missing(fold);

    private static InvalidOperationException Missing(FoldResult fold) =>
        new($"Fold {fold.Fold} has no out-of-fold predictions; only results of CrossValidator.Run carry them.");
}
