namespace Pipeline.Ml.Drift;

/// <summary>
/// Logged live rows, column by column: each feature's values (NaN where the row had no number) and the prediction of
/// each row (NaN where there was none, e.g. a logged probability vector).
/// </summary>
/// <param name="Rows">The number of rows.</param>
/// <param name="Features">Feature name to its values, one per row.</param>
/// <param name="Predictions">One per row.</param>
public sealed record LiveSample(int Rows, IReadOnlyDictionary<string, double[]> Features, IReadOnlyList<double> Predictions);
