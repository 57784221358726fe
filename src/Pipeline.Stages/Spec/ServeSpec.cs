namespace Pipeline.Stages.Spec;

/// <summary>The <c>serve</c> section: how the Docker-serve stage runs the model.</summary>
/// <param name="Port"><c>port</c> (integer 0-65535, default 5001): the host port of the scoring endpoint; 0 picks a free port on each run
/// (concurrent executions of one pipeline file then never share one).</param>
/// <param name="BaseImage">
/// <c>base_image</c> (string or null, default null): null builds a minimal image from scratch with the
/// self-contained server; otherwise the image to build on, which must provide the ASP.NET Core runtime (<c>dotnet</c>
/// on <c>PATH</c>) and a user <c>app</c>, as <c>mcr.microsoft.com/dotnet/aspnet:10.0</c> does: the framework-dependent
/// server runs on its .NET.
/// </param>
public sealed record ServeSpec(int Port, string? BaseImage)
{
    /// <summary>
    /// <c>registry</c> (string or null, default null): where SmokeTest pushes the image's two tags once the smoke test
    /// passed, e.g. <c>ghcr.io/team</c> or <c>registry.example.com:5000/ml</c> (the image is
    /// <c>&lt;registry&gt;/&lt;repository&gt;:&lt;version&gt;</c> and <c>:&lt;alias&gt;</c>); null pushes nothing.
    /// </summary>
    public string? Registry { get; init; }

    /// <summary><c>save</c> (string or null, default null): a <c>docker save</c> archive of the image written after a passed
    /// smoke test, relative to the pipeline file, and logged as an artifact of the pipeline run with its sha256.</summary>
    public string? Save { get; init; }

    /// <summary><c>challenger</c> (model URI or null, default null): a second model served beside the champion,
    /// <c>models:/&lt;name&gt;@&lt;alias&gt;</c> or <c>models:/&lt;name&gt;/&lt;version&gt;</c>; it answers <see cref="Split"/> of the requests,
    /// or with <see cref="Shadow"/> scores every request without answering.</summary>
    public string? Challenger { get; init; }

    /// <summary><c>split</c> (number 0-1, default 0.1): the share of requests the challenger answers, sticky per
    /// <see cref="StickyHeader"/>.</summary>
    public double Split { get; init; } = DefaultSplit;

    /// <summary><c>shadow</c> (boolean, default false): the challenger scores every request after the champion answered it.</summary>
    public bool Shadow { get; init; }

    /// <summary><c>sticky_header</c> (string, default <c>X-Request-Id</c>): the request header that decides champion or challenger.</summary>
    public string StickyHeader { get; init; } = DefaultStickyHeader;

    /// <summary><c>log_predictions</c> (string or null, default null): log every answered row, to a folder (relative to the
    /// pipeline file; mounted into the container) or to <c>tracking</c> (the pipeline's tracking store).</summary>
    public string? LogPredictions { get; init; }

    /// <summary><c>log_inputs</c> (<c>full</c> or <c>hash</c>, default <c>full</c>): log each row's inputs, or only their sha256.</summary>
    public string LogInputs { get; init; } = "full";

    /// <summary><c>log_sample</c> (number above 0 and at most 1, default 1): the share of requests logged.</summary>
    public double LogSample { get; init; } = 1;

    /// <summary>The default challenger share, 0.1.</summary>
    public const double DefaultSplit = 0.1;

    /// <summary>The default sticky header, <c>X-Request-Id</c>.</summary>
    public const string DefaultStickyHeader = "X-Request-Id";

    /// <summary>The <see cref="LogPredictions"/> value that logs to the tracking store.</summary>
    public const string TrackingLog = "tracking";

    /// <summary>The default port, 5001.</summary>
    public const int DefaultPort = 5001;

    /// <summary>Whether the pipeline file set <c>port</c>: a port taken by another process is then an error; the default
    /// port, when taken, is replaced by a free one.</summary>
    public bool PortIsExplicit { get; init; }

    /// <summary>Both defaults.</summary>
    public static ServeSpec Default { get; } = new(DefaultPort, null);
}
