namespace Pipeline.Ml.Evaluation;

/// <summary>
/// A reliability curve for one class, as scikit-learn's <c>calibration_curve</c> with the uniform
/// strategy: equal-width probability bins; empty bins are left out.
/// </summary>
/// <param name="ClassValue">The class the curve is for.</param>
/// <param name="BinCount">The number of bins requested (MLflow's default is 10).</param>
/// <param name="MeanPredicted">Mean predicted probability per non-empty bin.</param>
/// <param name="FractionPositive">Fraction of rows of the class per non-empty bin.</param>
/// <param name="Counts">Rows per non-empty bin.</param>
public sealed record CalibrationCurve(
    double ClassValue,
    int BinCount,
    IReadOnlyList<double> MeanPredicted,
    IReadOnlyList<double> FractionPositive,
    IReadOnlyList<int> Counts);
