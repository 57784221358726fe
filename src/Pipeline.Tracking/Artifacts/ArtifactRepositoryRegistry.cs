namespace Pipeline.Tracking.Artifacts;

/// <summary>
/// Opens an <see cref="IArtifactRepository"/> by the scheme of its URI, as MLflow's artifact repository registry.
/// A new registry knows <c>file</c> (<see cref="LocalArtifactRepository"/>), which also serves plain local paths;
/// further schemes (<c>mlflow-artifacts</c>, <c>s3</c>, <c>wasbs</c>, ...) are added with <see cref="Register"/>.
/// </summary>
public sealed class ArtifactRepositoryRegistry
{
    private const string FileScheme = "file";
    private readonly Dictionary<string, Func<string, IArtifactRepository>> _factories = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A registry with the <c>file</c> scheme registered (unless <paramref name="registerFile"/> is false).</summary>
    /// <param name="registerFile">Registers <c>file</c> as <see cref="LocalArtifactRepository"/>; default true.</param>
    public ArtifactRepositoryRegistry(bool registerFile = true)
    {
        if (registerFile)
            Register(FileScheme, uri => new LocalArtifactRepository(uri));
    }

    /// <summary>The registered schemes, sorted.</summary>
    public IReadOnlyList<string> Schemes => _factories.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Registers (or replaces) the factory for <paramref name="scheme"/> (without <c>:</c>, case-insensitive); the
    /// factory receives the full URI. Returns this registry for chaining.
    /// </summary>
    public ArtifactRepositoryRegistry Register(string scheme, Func<string, IArtifactRepository> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (!IsScheme(scheme))
            throw new ArgumentException($"'{scheme}' is not a URI scheme (letters, digits, '+', '-', '.'; at least two characters)", nameof(scheme));
        _factories[scheme] = factory;
        return this;
    }

    /// <summary>
    /// Opens the repository for <paramref name="uri"/>. A URI without a scheme (or with a one-letter drive such as
    /// <c>C:</c>) is a local path. An unknown scheme throws INVALID_PARAMETER_VALUE listing the known ones.
    /// </summary>
    public IArtifactRepository Open(string uri)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        var scheme = SchemeOf(uri) ?? FileScheme;
        if (_factories.TryGetValue(scheme, out var factory))
            return factory(uri);
        throw new TrackingException(ErrorCode.InvalidParameterValue,
            $"No artifact repository is registered for scheme '{scheme}' in '{uri}'. Known schemes: {string.Join(", ", Schemes)} (plain local paths use '{FileScheme}')");
    }

    /// <summary>The scheme before the first ':' when it is one (RFC 3986 syntax, two or more characters); otherwise null.</summary>
    internal static string? SchemeOf(string uri)
    {
        var colon = uri.IndexOf(':');
        return colon > 1 && IsScheme(uri[..colon]) ? uri[..colon] : null;
    }

    private static bool IsScheme(string text) =>
        text.Length > 1 && char.IsAsciiLetter(text[0]) && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');
}
