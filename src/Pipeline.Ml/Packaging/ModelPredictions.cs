using Pipeline.Ml.Data;

namespace Pipeline.Ml.Packaging;

/// <summary>
/// What a <see cref="PackagedModel"/> predicted for some rows: for classifiers the original class values
/// and per-class probabilities, for regression the predicted values.
/// </summary>
/// <param name="Task">The model's task.</param>
/// <param name="ClassValues">The class values in probability-column order (empty for regression).</param>
/// <param name="Values">Per row, the predicted class value (classifiers) or the predicted target (regression).</param>
/// <param name="Probabilities">Per row, one probability per class in <paramref name="ClassValues"/> order; null for regression.</param>
public sealed record ModelPredictions(
    TaskKind Task,
    IReadOnlyList<double> ClassValues,
    IReadOnlyList<double> Values,
    IReadOnlyList<IReadOnlyList<double>>? Probabilities)
{
    /// <summary>The predicted class labels as integers, as the signature's <c>long</c> output (classifiers).</summary>
    /// <exception cref="InvalidOperationException">A regression model.</exception>
    public IReadOnlyList<long> Labels => Task == TaskKind.Regression
        ? throw new InvalidOperationException("A regression model predicts values, not class labels; use Values.")
        : Values.Select(v => (long)v).ToArray();
}
