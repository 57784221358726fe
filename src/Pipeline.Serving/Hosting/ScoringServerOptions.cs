namespace Pipeline.Serving.Hosting;

/// <summary>
/// How the scoring server is hosted. Bound from the configuration section <c>Scoring</c>
/// (<c>--Scoring:Port=8080</c>, <c>Scoring__Port=8080</c>) or the short switches <c>--model</c>, <c>--host</c>,
/// <c>--port</c>, <c>--body-limit</c>, <c>--pool-size</c>, <c>--tracking-uri</c>, <c>--model-version</c>, <c>--instance-id</c>,
/// <c>--max-rows</c>, <c>--max-concurrent-large</c>, <c>--log-format</c>, and the prediction log's (<see cref="PredictionLog"/>).
/// </summary>
public sealed class ScoringServerOptions
{
    /// <summary>The configuration section the options are read from.</summary>
    public const string SectionName = "Scoring";

    /// <summary>Where the model is (a local MLflow model directory or URI the loader understands). Default: none.</summary>
    public string? ModelUri { get; set; }

    /// <summary>
    /// Tracking store for <c>models:/</c> and <c>runs:/</c> model URIs (<c>--tracking-uri</c>). Default: none, then
    /// <c>MLFLOW_TRACKING_URI</c>, then <c>sqlite:///mlruns.db</c>.
    /// </summary>
    public string? TrackingUri { get; set; }

    /// <summary>What <c>GET /version</c> answers (<c>--model-version</c>). Default: the loader's (<c>name/version</c> for a registry model).</summary>
    public string? ModelVersion { get; set; }

    /// <summary>
    /// An identity this server answers in the <c>Pipeline-Instance-Id</c> header of every response (<c>--instance-id</c>),
    /// so whoever started it can tell its own server from another one already listening on the port. Default: none.
    /// </summary>
    public string? InstanceId { get; set; }

    /// <summary>Address to listen on: an IP address, <c>localhost</c>, or <c>*</c>/<c>0.0.0.0</c> for all. Default <c>127.0.0.1</c>.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free one (read it back from the server's addresses). Default 5000, as <c>mlflow models serve</c>.</summary>
    public int Port { get; set; } = 5000;

    /// <summary>Largest request body accepted; larger ones get 413. Default 50 MiB; at most about 2 GiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>
    /// Most rows one request may carry (<c>--max-rows</c>); more get 413 naming the limit. Default 100,000 (a 50 MiB body
    /// holds about 850,000 rows of 30 numbers, which took 2.2 GB to score in one piece).
    /// </summary>
    public int MaxRowsPerRequest { get; set; } = 100_000;

    /// <summary>
    /// Requests over 1 MiB (or of unknown length) read, parsed and scored at once (<c>--max-concurrent-large</c>); the
    /// others wait. Default 2.
    /// </summary>
    public int MaxConcurrentLargeRequests { get; set; } = 2;

    /// <summary>Idle prediction engines kept per model (see <c>ScoringEnginePool</c>). Default: the processor count.</summary>
    public int EnginePoolSize { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// How the server logs (<c>--log-format</c>, <c>Scoring__LogFormat</c>): <c>plain</c> readable lines, <c>json</c> one JSON
    /// object per line, or <c>auto</c> (the default): plain on a terminal, JSON when the output is redirected (a container,
    /// a log file, a collector).
    /// </summary>
    public string LogFormat { get; set; } = "auto";

    /// <summary>
    /// A second model served beside <see cref="ModelUri"/> (the champion): <c>--challenger models:/name@challenger</c>. It answers
    /// <see cref="Split"/> of the requests, or with <see cref="Shadow"/> scores every request without answering. Default: none.
    /// </summary>
    public string? Challenger { get; set; }

    /// <summary>
    /// What the challenger reports as its version (<c>--challenger-version</c>), e.g. <c>name/4</c> when it is served from a
    /// directory (as DockerServe does), so that <c>X-Model-Version</c> and the log name its registry version. Default: the loader's.
    /// </summary>
    public string? ChallengerVersion { get; set; }

    /// <summary>Share of requests the challenger answers, 0 to 1 (<c>--split 0.1</c>), sticky per <see cref="StickyHeader"/>. Default 0.1.</summary>
    public double Split { get; set; } = 0.1;

    /// <summary>The challenger scores every request after the champion has answered it; only the log sees its predictions (<c>--shadow</c>).</summary>
    public bool Shadow { get; set; }

    /// <summary>
    /// The request header whose value decides champion or challenger (<c>--sticky-header</c>), so one user always meets one model.
    /// Default <c>X-Request-Id</c>; a request without it gets a fresh id, and so a random side.
    /// </summary>
    public string StickyHeader { get; set; } = "X-Request-Id";

    /// <summary>The prediction log (<c>--log-predictions DIR|tracking</c> and its switches); off by default.</summary>
    public Pipeline.Serving.PredictionLog.PredictionLogOptions PredictionLog { get; set; } = new();

    /// <summary>Problems with the values, one sentence each naming the option; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Port is < 0 or > 65535)
        {
            problems.Add($"Scoring:Port must be between 0 and 65535, got {Port}.");
        }

        if (MaxRequestBodyBytes < 1 || MaxRequestBodyBytes >= Array.MaxLength)
        {
            problems.Add($"Scoring:MaxRequestBodyBytes must be between 1 and {Array.MaxLength - 1}, got {MaxRequestBodyBytes}.");
        }

        if (MaxRowsPerRequest < 1)
        {
            problems.Add($"Scoring:MaxRowsPerRequest must be at least 1, got {MaxRowsPerRequest}.");
        }

        if (MaxConcurrentLargeRequests < 1)
        {
            problems.Add($"Scoring:MaxConcurrentLargeRequests must be at least 1, got {MaxConcurrentLargeRequests}.");
        }

        if (EnginePoolSize < 1)
        {
            problems.Add($"Scoring:EnginePoolSize must be at least 1, got {EnginePoolSize}.");
        }

        if (string.IsNullOrWhiteSpace(Host))
        {
            problems.Add("Scoring:Host must name an address, e.g. 127.0.0.1 or 0.0.0.0.");
        }

        if (LogFormat is not ("auto" or "plain" or "json"))
        {
            problems.Add($"Scoring:LogFormat must be auto, plain or json, got '{LogFormat}'.");
        }

        if (!(Split is >= 0 and <= 1))
        {
            problems.Add($"Scoring:Split (--split) must be a share from 0 to 1, got {Split.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        }

        if (string.IsNullOrWhiteSpace(StickyHeader))
        {
            problems.Add("Scoring:StickyHeader (--sticky-header) must name a request header.");
        }

        if (Shadow && string.IsNullOrWhiteSpace(Challenger))
        {
            problems.Add("Scoring:Shadow (--shadow) needs a challenger to score: add --challenger <model>.");
        }

        problems.AddRange(PredictionLog.Validate());
        return problems;
    }
}
