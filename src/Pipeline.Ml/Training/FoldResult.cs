using Pipeline.Ml.Evaluation;

namespace Pipeline.Ml.Training;

/// <summary>One cross-validation fold: its size, metrics on the held-out rows, and the fit time.</summary>
public sealed record FoldResult(int Fold, int TrainRows, int ValidationRows, MetricSet Metrics, TimeSpan FitTime)
{
    /// <summary>
    /// The fold model's predictions on its held-out rows, in <see cref="ValidationRowIndices"/> order
    /// (class indices into the fold model's own class values). <see cref="CrossValidator"/> always sets it.
    /// </summary>
    public PredictionSet? Predictions { get; init; }

    /// <summary>The held-out rows, as ascending row indices into the cross-validated table; set with <see cref="Predictions"/>.</summary>
    public IReadOnlyList<int>? ValidationRowIndices { get; init; }
}
