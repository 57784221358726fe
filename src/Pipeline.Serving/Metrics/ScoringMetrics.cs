using Prometheus;

namespace Pipeline.Serving.Metrics;

/// <summary>
/// The server's Prometheus metrics, in a registry of its own (not prometheus-net's static default), exposed by
/// <c>GET /metrics</c>: <c>scoring_http_requests_total{path,method,status}</c>,
/// <c>scoring_http_request_duration_seconds{path}</c> (histogram), <c>scoring_errors_total{path,error_code}</c>
/// <c>scoring_predictions_total</c> (rows scored) and the prediction log's <c>scoring_prediction_log_written_rows_total</c>,
/// <c>scoring_prediction_log_dropped_rows_total</c>, <c>scoring_prediction_log_sink_errors_total</c> and
/// <c>scoring_prediction_log_queued_rows</c>. Paths other than the server's own are labelled
/// <c>other</c>, so clients cannot grow the label set.
/// </summary>
public sealed class ScoringMetrics
{
    private static readonly string[] KnownPaths = ["/invocations", "/ping", "/health", "/version", "/metrics"];

    private static readonly HashSet<string> Methods = ["GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH"];

    private readonly Counter _requests;
    private readonly Histogram _duration;
    private readonly Counter _errors;
    private readonly Counter _predictions;
    private readonly Counter _logWritten;
    private readonly Counter _logDropped;
    private readonly Counter _logSinkErrors;
    private readonly Gauge _logQueued;

    /// <summary>Creates the metrics in a new registry.</summary>
    public ScoringMetrics()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        _requests = factory.CreateCounter("scoring_http_requests_total", "HTTP requests answered, by path, method and status code.", "path", "method", "status");
        _duration = factory.CreateHistogram("scoring_http_request_duration_seconds", "Time to answer an HTTP request, by path.", new HistogramConfiguration
        {
            LabelNames = ["path"],
            Buckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        });
        _errors = factory.CreateCounter("scoring_errors_total", "Error answers, by path and MLflow error code.", "path", "error_code");
        _predictions = factory.CreateCounter("scoring_predictions_total", "Rows scored.");
        _logWritten = factory.CreateCounter("scoring_prediction_log_written_rows_total", "Prediction-log rows handed to the sink.");
        _logDropped = factory.CreateCounter("scoring_prediction_log_dropped_rows_total", "Prediction-log rows dropped: the queue was full (sink slow or down) or the server stopped before they were written.");
        _logSinkErrors = factory.CreateCounter("scoring_prediction_log_sink_errors_total", "Failed attempts to write to the prediction log's sink (each is retried).");
        _logQueued = factory.CreateGauge("scoring_prediction_log_queued_rows", "Prediction-log rows waiting for the background writer.");
    }

    /// <summary>The registry the metrics live in.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>The path label for a request path: one of the server's paths, or <c>other</c>.</summary>
    public static string PathLabel(string? path)
    {
        foreach (var known in KnownPaths)
        {
            if (string.Equals(path, known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return "other";
    }

    /// <summary>Counts an answered request and its duration.</summary>
    public void RecordRequest(string pathLabel, string method, int status, TimeSpan elapsed)
    {
        _requests.WithLabels(pathLabel, Methods.Contains(method) ? method : "other", status.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
        _duration.WithLabels(pathLabel).Observe(elapsed.TotalSeconds);
    }

    /// <summary>Counts an error answer.</summary>
    public void RecordError(string pathLabel, string errorCode) => _errors.WithLabels(pathLabel, errorCode).Inc();

    /// <summary>Counts scored rows.</summary>
    public void RecordPredictions(int rows) => _predictions.Inc(rows);

    /// <summary>Counts prediction-log rows written to the sink.</summary>
    public void RecordPredictionLogWritten(int rows) => _logWritten.Inc(rows);

    /// <summary>Counts prediction-log rows dropped.</summary>
    public void RecordPredictionLogDropped(int rows) => _logDropped.Inc(rows);

    /// <summary>Counts a failed write to the prediction log's sink.</summary>
    public void RecordPredictionLogSinkError() => _logSinkErrors.Inc();

    /// <summary>Sets the number of prediction-log rows queued.</summary>
    public void SetPredictionLogQueue(long rows) => _logQueued.Set(rows);

    /// <summary>Writes the text exposition format.</summary>
    public Task WriteAsync(Stream destination, CancellationToken cancellationToken) =>
        Registry.CollectAndExportAsTextAsync(destination, cancellationToken);
}
