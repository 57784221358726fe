namespace Pipeline.Ml.Drift;

/// <summary>
/// How the live predictions' distribution compares with the model's predictions on its training split: PSI over the
/// predicted classes (classifiers) or over the profile's bins of the predicted values (regression).
/// </summary>
/// <param name="Psi">The index; NaN with no live prediction.</param>
/// <param name="Bins">One label per bin: the class value, or the value range.</param>
/// <param name="TrainingCounts">Training predictions per bin.</param>
/// <param name="LiveCounts">Live predictions per bin.</param>
public sealed record PredictionDrift(double Psi, IReadOnlyList<string> Bins, IReadOnlyList<long> TrainingCounts, IReadOnlyList<long> LiveCounts);
