namespace Pipeline.Ml.Evaluation;

/// <summary>
/// A lift curve for one class, as MLflow's <c>lift_curve_plot</c>: rows sorted by that class's probability,
/// descending; at each fraction of rows taken, the share of the class's rows found, divided by the fraction.
/// </summary>
/// <param name="ClassValue">The class the curve is for.</param>
/// <param name="Percentages">Fractions of rows, 1/n … 1.</param>
/// <param name="Lift">Lift at each fraction (1 is the random baseline).</param>
public sealed record LiftCurve(double ClassValue, IReadOnlyList<double> Percentages, IReadOnlyList<double> Lift);
