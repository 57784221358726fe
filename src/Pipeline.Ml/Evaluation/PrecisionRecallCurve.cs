namespace Pipeline.Ml.Evaluation;

/// <summary>
/// Precision-recall points as scikit-learn's <c>precision_recall_curve</c> (recall descending, ending at
/// precision 1, recall 0) and the average precision MLflow logs as <c>precision_recall_auc</c>.
/// </summary>
/// <param name="PositiveClass">The class value treated as positive.</param>
/// <param name="Precision">y values; one more than thresholds.</param>
/// <param name="Recall">x values, descending; one more than thresholds.</param>
/// <param name="Thresholds">Score thresholds, ascending.</param>
/// <param name="AveragePrecision">Σ (Rₙ − Rₙ₋₁) Pₙ; NaN when there is no positive example.</param>
public sealed record PrecisionRecallCurve(
    double PositiveClass,
    IReadOnlyList<double> Precision,
    IReadOnlyList<double> Recall,
    IReadOnlyList<double> Thresholds,
    double AveragePrecision);
