namespace Pipeline.Server.Hosting;

/// <summary>The tracking server's options, named as <c>mlflow server</c>'s.</summary>
public sealed record TrackingServerOptions
{
    /// <summary><c>--backend-store-uri</c>: the tracking store; default <c>sqlite:///mlruns.db</c>. PostgreSQL works too.</summary>
    public string BackendStoreUri { get; init; } = "sqlite:///mlruns.db";

    /// <summary><c>--artifacts-destination</c>: where the artifact proxy stores files; default <c>./mlartifacts</c>.</summary>
    public string ArtifactsDestination { get; init; } = "./mlartifacts";

    /// <summary>
    /// <c>--default-artifact-root</c>: artifact root of experiments created without a location. Default
    /// <c>mlflow-artifacts:/</c> (files go through the proxy) when <see cref="ServeArtifacts"/>, else <see cref="ArtifactsDestination"/>.
    /// </summary>
    public string? DefaultArtifactRoot { get; init; }

    /// <summary><c>--serve-artifacts</c> / <c>--no-serve-artifacts</c>: whether the artifact proxy runs; default true.</summary>
    public bool ServeArtifacts { get; init; } = true;

    /// <summary><c>--host</c>: the address to listen on; default <c>127.0.0.1</c> (<c>0.0.0.0</c> for every interface).</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary><c>--port</c>: default 5000; 0 picks a free port (see <see cref="TrackingServerHost.BaseUri"/>).</summary>
    public int Port { get; init; } = 5000;

    /// <summary>
    /// <c>--auth-token</c> (or env <c>PIPELINE_SERVER_AUTH_TOKEN</c>): when set, every request but <c>/health</c> needs
    /// <c>Authorization: Bearer &lt;token&gt;</c> or basic authentication with the token as password. Default none.
    /// </summary>
    public string? AuthToken { get; init; }

    /// <summary>
    /// <c>--max-artifact-upload-size</c>: the largest file the artifact proxy accepts in one upload, in bytes; larger ones
    /// are refused with 413 before or while they stream (the partial file is removed). Default 1 GiB; 0 means no limit.
    /// </summary>
    public long MaxArtifactUploadBytes { get; init; } = DefaultMaxArtifactUploadBytes;

    /// <summary>The default of <see cref="MaxArtifactUploadBytes"/>: 1 GiB.</summary>
    public const long DefaultMaxArtifactUploadBytes = 1L << 30;

    /// <summary>Whether each request is logged (method, path, status, milliseconds); default true.</summary>
    public bool LogRequests { get; init; } = true;

    /// <summary>The root experiments get when none is given, after the defaults above.</summary>
    public string EffectiveDefaultArtifactRoot => DefaultArtifactRoot ?? (ServeArtifacts ? "mlflow-artifacts:/" : ArtifactsDestination);

    /// <summary>Problems with the options, each naming the option; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Port is < 0 or > 65535)
            problems.Add($"--port must be between 0 and 65535, got {Port}.");
        if (string.IsNullOrWhiteSpace(BackendStoreUri))
            problems.Add("--backend-store-uri is required.");
        if (string.IsNullOrWhiteSpace(Host))
            problems.Add("--host is required.");
        if (MaxArtifactUploadBytes < 0)
            problems.Add($"--max-artifact-upload-size must be 0 (no limit) or a positive size, got {MaxArtifactUploadBytes}.");
        if (ServeArtifacts && string.IsNullOrWhiteSpace(ArtifactsDestination))
            problems.Add("--artifacts-destination is required when artifacts are served.");
        return problems;
    }
}
