namespace Pipeline.Stages.Spec;

/// <summary>The <c>serve</c> section: how the Docker-serve stage runs the model.</summary>
/// <param name="Port"><c>port</c> (integer 1-65535, default 5001): the host port of the scoring endpoint.</param>
/// <param name="BaseImage">
/// <c>base_image</c> (string or null, default null): null builds a minimal image from scratch with the
/// self-contained server; otherwise the image to build on (e.g. an ASP.NET runtime image).
/// </param>
public sealed record ServeSpec(int Port, string? BaseImage)
{
    /// <summary>The default port, 5001.</summary>
    public const int DefaultPort = 5001;

    /// <summary>Both defaults.</summary>
    public static ServeSpec Default { get; } = new(DefaultPort, null);
}
