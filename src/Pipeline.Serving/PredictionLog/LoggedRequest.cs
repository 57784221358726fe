using Pipeline.Serving.Batch;

namespace Pipeline.Serving.PredictionLog;

/// <summary>
/// One answered <c>POST /invocations</c> as queued for the log: references to what the request already built (the enforced
/// batch, the predictions), so queueing copies nothing; the background writer turns it into one line per row.
/// </summary>
/// <param name="RequestId">The caller's <c>X-Request-Id</c>, or one the server made up.</param>
/// <param name="Time">When the answer was written.</param>
/// <param name="ModelVersion">The answering model's <c>Version</c> (<c>name/3</c> for a registry model).</param>
/// <param name="Role"><c>champion</c>, <c>challenger</c> or <c>shadow</c> (a challenger's answer nobody saw); null with one model.</param>
/// <param name="Batch">The rows scored; null when the request was refused before that.</param>
/// <param name="Predictions">One per row of <paramref name="Batch"/>; null when refused.</param>
/// <param name="Probabilities">True when the predictions are class probabilities (<c>predict_proba</c>).</param>
/// <param name="LatencyMs">Time from the request's start to its answer.</param>
/// <param name="Status">The HTTP status answered.</param>
/// <param name="ErrorCode">MLflow's error code for a refusal; null on success.</param>
internal sealed record LoggedRequest(
    string RequestId,
    DateTimeOffset Time,
    string ModelVersion,
    string? Role,
    ScoringBatch? Batch,
    IReadOnlyList<object?>? Predictions,
    bool Probabilities,
    double LatencyMs,
    int Status,
    string? ErrorCode)
{
    /// <summary>Lines this request takes in the log: one per row, or one for a refusal.</summary>
    public int Rows => Batch is { RowCount: > 0 } batch && Predictions is not null ? batch.RowCount : 1;
}
