using System.Globalization;

namespace Pipeline.Serving.PredictionLog;

/// <summary>
/// The prediction log (section <c>Scoring:PredictionLog</c>; switches <c>--log-predictions</c>, <c>--log-inputs</c>,
/// <c>--log-sample</c>, <c>--log-queue-rows</c>, <c>--log-rotate-mb</c>, <c>--log-rotate-minutes</c>, <c>--log-period-seconds</c>,
/// <c>--log-experiment</c>, <c>--log-artifact-root</c>): one JSON line per row answered by <c>POST /invocations</c>, written off the request path by a
/// background writer from a bounded queue.
/// </summary>
public sealed class PredictionLogOptions
{
    /// <summary>The <see cref="Target"/> that logs to the tracking store instead of a folder.</summary>
    public const string TrackingTarget = "tracking";

    /// <summary>
    /// Where to log (<c>--log-predictions</c>): a folder for rotated JSON Lines files, or <c>tracking</c> for one inference run
    /// per <see cref="PeriodSeconds"/> in the tracking store, its rows as an artifact. Default: none (no log).
    /// </summary>
    public string? Target { get; set; }

    /// <summary><c>full</c> (the default) logs each row's input values; <c>hash</c> only their sha256 (<c>--log-inputs=hash</c>).</summary>
    public string Inputs { get; set; } = "full";

    /// <summary>Share of requests logged, 0 to 1 (<c>--log-sample 0.1</c>), decided per request id. Default 1 (every request).</summary>
    public double Sample { get; set; } = 1;

    /// <summary>
    /// Rows the queue holds before new ones are dropped (<c>--log-queue-rows</c>). This bounds the memory the log can take while the
    /// sink is slow or down, and what a kill -9 can lose. Default 10,000 (bench/serving.sh measures 0.9-1.0 KB per queued 1-row request
    /// of 30 features, so about 10 MB at most; at 10,000 requests/s a second of sink outage).
    /// </summary>
    public int QueueRows { get; set; } = 10_000;

    /// <summary>A JSON Lines file is closed and a new one started past this size in MiB (<c>--log-rotate-mb</c>). Default 64.</summary>
    public double RotateMegabytes { get; set; } = 64;

    /// <summary>... or when it is this many minutes old (<c>--log-rotate-minutes</c>). Default 60.</summary>
    public double RotateMinutes { get; set; } = 60;

    /// <summary>With <c>tracking</c>: seconds each inference run covers (<c>--log-period-seconds</c>). Default 300.</summary>
    public double PeriodSeconds { get; set; } = 300;

    /// <summary>With <c>tracking</c>: the experiment of the inference runs (<c>--log-experiment</c>, <c>--log-artifact-root</c>). Default <c>inference</c>.</summary>
    public string Experiment { get; set; } = "inference";

    /// <summary>
    /// With <c>tracking</c>: the default artifact root, used when the inference experiment is created (<c>--log-artifact-root</c>).
    /// Default: <c>./mlartifacts</c>, as every other command.
    /// </summary>
    public string? ArtifactRoot { get; set; }

    /// <summary>True when a target is set.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Target);

    /// <summary>True when the log goes to the tracking store.</summary>
    public bool ToTracking => string.Equals(Target?.Trim(), TrackingTarget, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when inputs are logged as a hash.</summary>
    public bool HashInputs => string.Equals(Inputs, "hash", StringComparison.OrdinalIgnoreCase);

    /// <summary>Problems with the values, one sentence each naming the switch; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Inputs is not ("full" or "hash"))
            problems.Add($"--log-inputs must be full or hash, got '{Inputs}'.");
        if (!(Sample is > 0 and <= 1))
            problems.Add($"--log-sample must be a share above 0 and at most 1 (0.1 logs one request in ten), got {Format(Sample)}.");
        if (QueueRows < 1)
            problems.Add($"--log-queue-rows must be at least 1, got {QueueRows}.");
        if (!(RotateMegabytes > 0))
            problems.Add($"--log-rotate-mb must be above 0, got {Format(RotateMegabytes)}.");
        if (!(RotateMinutes > 0))
            problems.Add($"--log-rotate-minutes must be above 0, got {Format(RotateMinutes)}.");
        if (!(PeriodSeconds >= 1))
            problems.Add($"--log-period-seconds must be at least 1, got {Format(PeriodSeconds)}.");
        if (string.IsNullOrWhiteSpace(Experiment))
            problems.Add("--log-experiment must name an experiment.");
        return problems;
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
