using Pipeline.Server.Api;
using Pipeline.Server.Hosting;
using Pipeline.Tracking;
using Pipeline.Tracking.Artifacts;

namespace Pipeline.Server.Artifacts;

/// <summary>
/// The server's side of artifacts: the proxy's repository under <c>--artifacts-destination</c>, and the repository that
/// holds a run's files, whether its URI is <c>mlflow-artifacts:</c> (served from the destination) or any scheme the
/// registry knows. A local folder is read only inside the server's artifact roots (<see cref="Confinement"/>), after
/// resolving symbolic links: a run's stored URI cannot lead a client to any other file the server can read.
/// </summary>
internal sealed class ServerArtifacts(TrackingServerOptions options, ArtifactRepositoryRegistry registry)
{
    private const string ProxyScheme = "mlflow-artifacts:";
    private readonly LocalArtifactRepository? _destination = options.ServeArtifacts ? new LocalArtifactRepository(options.ArtifactsDestination) : null;

    /// <summary>The local folders this server reads: the destination and a local default artifact root.</summary>
    public ArtifactRootConfinement Confinement { get; } = new([options.ArtifactsDestination, options.EffectiveDefaultArtifactRoot]);

    /// <summary>The proxy's repository; INVALID_STATE when the server runs with artifact serving off.</summary>
    public LocalArtifactRepository Destination => _destination
        ?? throw new TrackingException(ErrorCode.InvalidState, "This server does not serve artifacts (started without --serve-artifacts).");

    /// <summary>
    /// The repository holding the artifacts under <paramref name="artifactUri"/>, and the prefix of that URI inside it.
    /// PERMISSION_DENIED for a local folder outside the roots.
    /// </summary>
    public (IArtifactRepository Repository, string Prefix) Resolve(string artifactUri)
    {
        if (!artifactUri.StartsWith(ProxyScheme, StringComparison.OrdinalIgnoreCase))
        {
            if (ArtifactUri.Parse(artifactUri).IsLocal)
                return (Confinement.Open(artifactUri, "run artifact location"), "");
            return (registry.Open(artifactUri), "");
        }

        var rest = ArtifactUri.Parse(artifactUri);
        if (rest.Tail.Length > 0)
            throw new TrackingException(ErrorCode.PermissionDenied, $"The run artifact location '{artifactUri}' has a query or fragment; it is not read.");
        // mlflow-artifacts://host/path names a host in the authority: the path alone is inside the destination. It is
        // used as written (as MLflow does), and the destination's own checks refuse ".." and links below it.
        return (Destination, rest.Path.Trim('/'));
    }

    /// <summary>
    /// What a client may name as an artifact location or model source (<paramref name="field"/>), decided once: a local
    /// folder (plain path or <c>file:</c>) only inside the artifact roots, without query, fragment or <c>..</c>; an
    /// <c>mlflow-artifacts:</c> URI without a <c>..</c> segment, even percent-encoded; any other scheme (<c>s3://</c>, ...)
    /// as MLflow allows it, since the server reads those only through a registered repository.
    /// </summary>
    public void CheckClientLocation(string location, string field)
    {
        var uri = ArtifactUri.Parse(location);
        if (uri.IsLocal)
        {
            Confinement.Open(location, field);
            return;
        }

        if (location.StartsWith(ProxyScheme, StringComparison.OrdinalIgnoreCase)
            && MlflowUri.DecodeFully(uri.Path).Replace('\\', '/').Split('/').Contains(".."))
            throw new TrackingException(ErrorCode.InvalidParameterValue, $"Invalid {field} '{location}': it contains a '..' segment.");
    }
}
