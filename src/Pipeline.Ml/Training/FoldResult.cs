using Pipeline.Ml.Evaluation;

namespace Pipeline.Ml.Training;

/// <summary>One cross-validation fold: its size, metrics on the held-out rows, and the fit time.</summary>
public sealed record FoldResult(int Fold, int TrainRows, int ValidationRows, MetricSet Metrics, TimeSpan FitTime);
