namespace Pipeline.Tracking.Artifacts;

/// <summary>
/// The local folders a server may read, list and write artifacts in (its artifact destination and a local default
/// artifact root). Any local folder a request leads to (a run's artifact root, an experiment's location, a model
/// version's source) must be one of them or below one, compared as real paths, after every symbolic link is resolved.
/// Anything else is PERMISSION_DENIED (403): a run whose stored location points at <c>/etc</c> cannot be read.
/// </summary>
public sealed class ArtifactRootConfinement
{
    private readonly IReadOnlyList<string> _roots;

    /// <summary>Confines to <paramref name="roots"/>: local paths or <c>file:</c> URIs; other schemes are ignored.</summary>
    public ArtifactRootConfinement(IEnumerable<string> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        _roots = roots.Where(r => !string.IsNullOrWhiteSpace(r) && ArtifactUri.Parse(r).IsLocal)
            .Select(r => new LocalArtifactRepository(r).RootPath)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The configured roots as local paths (as configured, before links are resolved).</summary>
    public IReadOnlyList<string> Roots => _roots;

    /// <summary>Whether <paramref name="localPath"/>'s real path is inside one of the roots' real paths.</summary>
    public bool Allows(string localPath)
    {
        var real = LocalRealPath.Of(localPath);
        return _roots.Any(root => LocalRealPath.IsSameOrInside(real, LocalRealPath.Of(root)));
    }

    /// <summary>
    /// Checks the local artifact location <paramref name="location"/> (a plain path or <c>file:</c> URI): no query or
    /// fragment (a URI parser drops them, which is how <c>file:///etc?</c> used to escape), no <c>..</c> segment, and
    /// inside a root. Returns the repository for it. <paramref name="what"/> names the field in the error.
    /// </summary>
    /// <exception cref="TrackingException">INVALID_PARAMETER_VALUE for a malformed location, PERMISSION_DENIED outside the roots.</exception>
    public LocalArtifactRepository Open(string location, string what)
    {
        var uri = ArtifactUri.Parse(location);
        if (uri.Tail.Length > 0 && uri.Head.Length > 0)
            throw new TrackingException(ErrorCode.InvalidParameterValue, $"Invalid {what} '{location}': a local artifact location cannot have a query or fragment.");
        var path = uri.Head.Length > 0 ? Uri.UnescapeDataString(uri.Path) : uri.Path;
        if (path.Split('/', '\\').Contains(".."))
            throw new TrackingException(ErrorCode.InvalidParameterValue, $"Invalid {what} '{location}': it contains a '..' segment.");
        var repository = new LocalArtifactRepository(location);
        if (!Allows(repository.RootPath))
            throw Denied(location, what);
        return repository;
    }

    /// <summary>Checks a repository opened elsewhere (by a registry): its root must be inside a root.</summary>
    public void Check(LocalArtifactRepository repository, string location, string what)
    {
        ArgumentNullException.ThrowIfNull(repository);
        if (ArtifactUri.Parse(location) is { Head.Length: > 0, Tail.Length: > 0 } || !Allows(repository.RootPath))
            throw Denied(location, what);
    }

    private TrackingException Denied(string location, string what) =>
        new(ErrorCode.PermissionDenied, _roots.Count == 0
            ? $"The {what} '{location}' is a local folder, and this server reads no local artifact folders."
            : $"The {what} '{location}' is outside this server's artifact roots (--artifacts-destination, a local --default-artifact-root); it is not read.");
}
