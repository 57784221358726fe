namespace Pipeline.Stages.Monitoring;

/// <summary>A label that arrived after the prediction: which request and row it belongs to, and its value.</summary>
/// <param name="RequestId">The request id the prediction was logged under.</param>
/// <param name="Row">The row within the request, from 0.</param>
/// <param name="Label">The true value, canonical (see <see cref="LabelValue"/>).</param>
/// <param name="Line">The line of the labels file, for messages.</param>
public sealed record LabelRow(string RequestId, int Row, string Label, int Line);
