namespace Pipeline.Ml.Evaluation;

/// <summary>
/// The curve data MLflow's evaluator plots for a classifier, as plain records. Binary: one ROC and one PR
/// curve for the positive class, lift curves for both classes and one calibration curve for the positive
/// class. Multiclass: one-vs-rest ROC, PR and calibration curves per class, no lift.
/// </summary>
public sealed record EvaluationCurves(
    IReadOnlyList<RocCurve> Roc,
    IReadOnlyList<PrecisionRecallCurve> PrecisionRecall,
    IReadOnlyList<LiftCurve> Lift,
    IReadOnlyList<CalibrationCurve> Calibration,
    ConfusionMatrix ConfusionMatrix);
