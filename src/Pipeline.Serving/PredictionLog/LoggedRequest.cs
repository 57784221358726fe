namespace Pipeline.Serving.PredictionLog;

/// <summary>
/// One answered <c>POST /invocations</c> as queued for the log: the request's input cells (copied into pooled slots, see
/// <see cref="LoggedRows"/>), a reference to its predictions, its id and times; no formatting. A value on the queue, not an
/// object of its own; the background writer turns it into one line per row.
/// </summary>
/// <param name="RequestId">The caller's <c>X-Request-Id</c>, or one the server made up.</param>
/// <param name="Time">When the answer was written.</param>
/// <param name="ModelVersion">The answering model's <c>Version</c> (<c>name/3</c> for a registry model).</param>
/// <param name="Role"><c>champion</c>, <c>challenger</c> or <c>shadow</c> (a challenger's answer nobody saw); null with one model.</param>
/// <param name="Inputs">The rows scored; empty when the request was refused.</param>
/// <param name="Predictions">One per row of <paramref name="Inputs"/>; null when refused.</param>
/// <param name="Probabilities">True when the predictions are class probabilities (<c>predict_proba</c>).</param>
/// <param name="LatencyMs">Time from the request's start to its answer.</param>
/// <param name="Status">The HTTP status answered.</param>
/// <param name="ErrorCode">MLflow's error code for a refusal; null on success.</param>
internal readonly record struct LoggedRequest(
    string RequestId,
    DateTimeOffset Time,
    string ModelVersion,
    string? Role,
    LoggedRows Inputs,
    IReadOnlyList<object?>? Predictions,
    bool Probabilities,
    double LatencyMs,
    int Status,
    string? ErrorCode)
{
    /// <summary>Lines this request takes in the log: one per row, or one for a refusal.</summary>
    public int Rows => Inputs.RowCount > 0 && Predictions is not null ? Inputs.RowCount : 1;
}
