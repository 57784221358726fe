namespace Pipeline.Docker;

/// <summary>What a serving image holds and how it is tagged and labelled.</summary>
public sealed record ServingImageOptions
{
    /// <summary>Where the model directory is copied inside the image (MLflow's images use the same path); also <c>MODEL_PATH</c>.</summary>
    public const string ModelPathInImage = "/opt/ml/model";

    /// <summary>Where <see cref="ChallengerDirectory"/> is copied inside the image.</summary>
    public const string ChallengerPathInImage = "/opt/ml/challenger";

    /// <summary>Where the published server is copied inside the image.</summary>
    public const string AppPathInImage = "/app";

    /// <summary>Where <see cref="RuntimeFolder"/> is copied inside the image (the default .NET location on Linux).</summary>
    public const string RuntimePathInImage = "/usr/share/dotnet";

    /// <summary>Registered model name (required); labels the image and, by default, names its repository.</summary>
    public required string ModelName { get; init; }

    /// <summary>Registered model version (required), e.g. <c>3</c>; the first tag.</summary>
    public required string ModelVersion { get; init; }

    /// <summary>Registry alias (e.g. <c>champion</c>) tagged as well; default none.</summary>
    public string? Alias { get; init; }

    /// <summary>Folder of the published server (required): self-contained for a minimal base, framework-dependent otherwise.</summary>
    public required string PublishFolder { get; init; }

    /// <summary>The server's executable file name in <see cref="PublishFolder"/> (required), e.g. <c>Pipeline.Serving</c>; with
    /// <see cref="FrameworkDependent"/>, the name of its <c>.dll</c> (with or without the extension).</summary>
    public required string EntryPoint { get; init; }

    /// <summary>The model directory (MLmodel and its files) copied to <see cref="ModelPathInImage"/>; default none.</summary>
    public string? ModelDirectory { get; init; }

    /// <summary>A second model directory (the challenger) copied to <see cref="ChallengerPathInImage"/>; default none. The
    /// server serves it only when told to (<c>Scoring__Challenger</c> in <see cref="Environment"/>).</summary>
    public string? ChallengerDirectory { get; init; }

    /// <summary>Image after <c>FROM</c> (required): a <see cref="MinimalBaseImage.Reference"/>, or a standard image such as
    /// <c>mcr.microsoft.com/dotnet/aspnet:10.0</c> when the engine can pull it (then set <see cref="FrameworkDependent"/>).</summary>
    public required string BaseImage { get; init; }

    /// <summary>Run the entry point as <c>dotnet &lt;EntryPoint&gt;.dll</c>; default false (a self-contained executable).</summary>
    public bool FrameworkDependent { get; init; }

    /// <summary>A .NET installation for a framework-dependent server on a base without one (such as a
    /// <see cref="MinimalBaseImage"/>): a folder holding the <c>dotnet</c> host, <c>host/fxr</c> and the <c>shared</c>
    /// frameworks the server needs, copied to <see cref="RuntimePathInImage"/>; the entry point then runs
    /// <c>/usr/share/dotnet/dotnet &lt;EntryPoint&gt;.dll</c>. Needs <see cref="FrameworkDependent"/>. Default none
    /// (<c>dotnet</c> from the base image's <c>PATH</c>).</summary>
    public string? RuntimeFolder { get; init; }

    /// <summary>Image repository; default derived from <see cref="ModelName"/> (<see cref="ImageReference.RepositoryFor"/>).</summary>
    public string? ImageRepository { get; init; }

    /// <summary>The non-root user to run as; default <c>10001:10001</c> (the minimal base's <c>app</c>). For Microsoft's
    /// .NET images use <c>app</c>.</summary>
    public string User { get; init; } = "10001:10001";

    /// <summary>Port the server listens on unless the container is given another; default 8080. Set as <c>PORT</c>
    /// and <c>ASPNETCORE_URLS</c>; <c>ASPNETCORE_HTTP_PORTS</c> (8080 in Microsoft's .NET images) is cleared.</summary>
    public int Port { get; init; } = 8080;

    /// <summary>Arguments after the entry point that make it probe its own <c>/health</c> and exit 0 or 1; default
    /// <c>--healthcheck</c>. Null: no <c>HEALTHCHECK</c> (a scratch image has no curl to run one).</summary>
    public IReadOnlyList<string>? HealthCheckArguments { get; init; } = ["--healthcheck"];

    /// <summary>Interval between health checks; default 10 s (the timeout is 3 s, start period 5 s, 3 retries).</summary>
    public TimeSpan HealthCheckInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Arguments passed to the entry point (<c>CMD</c>); default none.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Extra environment variables baked into the image; default none.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra Dockerfile instructions placed after the copies and before <c>USER</c>; default none.
    /// Only the legacy builder's syntax (no BuildKit-only flags such as <c>RUN --mount</c>).</summary>
    public IReadOnlyList<string> AdditionalInstructions { get; init; } = [];

    /// <summary>MLflow run id of the model, labelled; default none.</summary>
    public string? RunId { get; init; }

    /// <summary>Git commit of the pipeline, labelled (also as OCI <c>revision</c>); default none.</summary>
    public string? GitCommit { get; init; }

    /// <summary>OCI description; default "Serves model &lt;name&gt; version &lt;version&gt;".</summary>
    public string? Description { get; init; }

    /// <summary>OCI source URL (e.g. the repository); default none.</summary>
    public string? Source { get; init; }

    /// <summary>Further labels; default none.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Build without the engine's layer cache; default false.</summary>
    public bool NoCache { get; init; }
}
