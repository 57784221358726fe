namespace Pipeline.Stages.Monitoring;

/// <summary>Which logged rows count for a model: the time window, and the served model's name and version when known.</summary>
/// <param name="Window">Rows logged in this window.</param>
/// <param name="ModelName">Rows of this registered model only (a shared log may hold others); null for any.</param>
/// <param name="ModelVersion">The version whose predictions are compared with the profile's; null for any.</param>
/// <param name="ClassValues">
/// A classifier's class values in probability order: a row logged with <c>probabilities</c> (a <c>predict_proba</c> request)
/// counts as predicting the most probable class. Null: such rows have no prediction.
/// </param>
public sealed record LogSelection(LogWindow Window, string? ModelName = null, string? ModelVersion = null, IReadOnlyList<double>? ClassValues = null);
