namespace Pipeline.Ml.Evaluation;

/// <summary>
/// ROC curve points as scikit-learn's <c>roc_curve</c> (intermediate collinear points dropped; the first
/// point is (0, 0) at threshold +∞) and the area under it (<c>roc_auc_score</c>).
/// </summary>
/// <param name="PositiveClass">The class value treated as positive.</param>
/// <param name="FalsePositiveRate">x values, ascending.</param>
/// <param name="TruePositiveRate">y values, ascending.</param>
/// <param name="Thresholds">Score thresholds, descending; the first is +∞.</param>
/// <param name="Auc">Trapezoidal area; NaN when only one class is present.</param>
public sealed record RocCurve(
    double PositiveClass,
    IReadOnlyList<double> FalsePositiveRate,
    IReadOnlyList<double> TruePositiveRate,
    IReadOnlyList<double> Thresholds,
    double Auc);
