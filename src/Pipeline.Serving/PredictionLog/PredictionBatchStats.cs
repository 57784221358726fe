namespace Pipeline.Serving.PredictionLog;

/// <summary>What one written batch of lines holds, for the inference run's metrics.</summary>
/// <param name="Rows">Lines.</param>
/// <param name="Requests">Requests they come from.</param>
/// <param name="ErrorRequests">Requests answered with 4xx/5xx.</param>
/// <param name="LatencySumMs">Sum of the requests' latencies.</param>
internal readonly record struct PredictionBatchStats(int Rows, int Requests, int ErrorRequests, double LatencySumMs)
{
    public static PredictionBatchStats operator +(PredictionBatchStats a, PredictionBatchStats b) =>
        new(a.Rows + b.Rows, a.Requests + b.Requests, a.ErrorRequests + b.ErrorRequests, a.LatencySumMs + b.LatencySumMs);
}
