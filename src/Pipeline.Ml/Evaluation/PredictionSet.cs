using Pipeline.Ml.Data;

namespace Pipeline.Ml.Evaluation;

/// <summary>
/// What a model predicted for a table, in a form the evaluators and curve builders take.
/// For classification, <see cref="Actual"/> and <see cref="Predicted"/> are class indices into
/// <see cref="ClassValues"/> (stored as doubles) and <see cref="Probabilities"/> holds one probability per class;
/// for regression they are the target values and <see cref="Probabilities"/> is null.
/// </summary>
/// <param name="Task">The task.</param>
/// <param name="ClassValues">Sorted class values (empty for regression).</param>
/// <param name="Actual">True class indices or target values.</param>
/// <param name="Predicted">Predicted class indices or values.</param>
/// <param name="Probabilities">Per row, a probability per class (binary: [p(0), p(1)]); null for regression.</param>
public sealed record PredictionSet(
    TaskKind Task,
    IReadOnlyList<double> ClassValues,
    IReadOnlyList<double> Actual,
    IReadOnlyList<double> Predicted,
    IReadOnlyList<IReadOnlyList<double>>? Probabilities)
{
    /// <summary>True class indices (classification).</summary>
    public int[] ActualClasses => Actual.Select(a => (int)a).ToArray();

    /// <summary>Predicted class indices (classification).</summary>
    public int[] PredictedClasses => Predicted.Select(p => (int)p).ToArray();

    /// <summary>The probability column of one class.</summary>
    public double[] ProbabilityOf(int classIndex) =>
        (Probabilities ?? throw new InvalidOperationException("No probabilities: regression predictions.")).Select(r => r[classIndex]).ToArray();
}
