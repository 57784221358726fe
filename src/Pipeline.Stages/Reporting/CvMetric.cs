namespace Pipeline.Stages.Reporting;

/// <summary>A cross-validated metric: mean over folds and, when logged, the standard deviation.</summary>
public sealed record CvMetric(double Mean, double? Std);
