namespace Pipeline.Stages.Monitoring;

/// <summary>A logged prediction with the label that arrived for its row.</summary>
/// <param name="RequestId">The request id.</param>
/// <param name="Row">The row within the request.</param>
/// <param name="Label">The true value (canonical).</param>
/// <param name="Prediction">The predicted value (canonical), or null when the log holds probabilities.</param>
/// <param name="Probabilities">Class probabilities in class order, or null.</param>
public sealed record JoinedRow(string RequestId, int Row, string Label, string? Prediction, IReadOnlyList<double>? Probabilities);
