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

    /// <summary>The default port, 5001.</summary>
    public const int DefaultPort = 5001;

    /// <summary>Whether the pipeline file set <c>port</c>: a port taken by another process is then an error; the default
    /// port, when taken, is replaced by a free one.</summary>
    public bool PortIsExplicit { get; init; }

    /// <summary>Both defaults.</summary>
    public static ServeSpec Default { get; } = new(DefaultPort, null);
}
