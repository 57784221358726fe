using Prometheus;

namespace Pipeline.Server.Operations;

/// <summary>
/// The server's Prometheus metrics in a registry of its own (not prometheus-net's static default), exposed by
/// <c>GET /metrics</c>: <c>tracking_http_requests_total{endpoint,method,status}</c>,
/// <c>tracking_http_request_duration_seconds{endpoint}</c> and <c>tracking_errors_total{endpoint,error_code}</c>.
/// The endpoint label is the route pattern (or <c>other</c>), so clients cannot grow the label set.
/// </summary>
public sealed class ServerMetrics
{
    private readonly Counter _requests;
    private readonly Histogram _duration;
    private readonly Counter _errors;

    /// <summary>Creates the metrics in a new registry.</summary>
    public ServerMetrics()
    {
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        _requests = factory.CreateCounter("tracking_http_requests_total", "HTTP requests answered, by endpoint, method and status.", "endpoint", "method", "status");
        _duration = factory.CreateHistogram("tracking_http_request_duration_seconds", "Time to answer an HTTP request, by endpoint.", new HistogramConfiguration
        {
            LabelNames = ["endpoint"],
            Buckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        });
        _errors = factory.CreateCounter("tracking_errors_total", "Error answers, by endpoint and MLflow error code.", "endpoint", "error_code");
    }

    /// <summary>The registry the metrics live in.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>Counts an answered request, its duration and, when given, its error code.</summary>
    public void Record(string endpoint, string method, int status, TimeSpan elapsed, string? errorCode)
    {
        _requests.WithLabels(endpoint, method, status.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
        _duration.WithLabels(endpoint).Observe(elapsed.TotalSeconds);
        if (errorCode is not null)
            _errors.WithLabels(endpoint, errorCode).Inc();
    }
}
