using Pipeline.Server.Hosting;
using Pipeline.Tracking;
using Pipeline.Tracking.Artifacts;

namespace Pipeline.Server.Artifacts;

/// <summary>
/// The server's side of artifacts: the proxy's repository under <c>--artifacts-destination</c>, and the repository that
/// holds a run's files, whether its URI is <c>mlflow-artifacts:</c> (served from the destination) or any scheme the
/// registry knows (a local folder, ...).
/// </summary>
internal sealed class ServerArtifacts(TrackingServerOptions options, ArtifactRepositoryRegistry registry)
{
    private const string ProxyScheme = "mlflow-artifacts:";
    // Opened through the registry, so the destination may be any scheme the composition root knows (a folder, s3://, ...).
    private readonly IArtifactRepository? _destination = options.ServeArtifacts ? registry.Open(options.ArtifactsDestination) : null;

    /// <summary>The proxy's repository; INVALID_STATE when the server runs with artifact serving off.</summary>
    public IArtifactRepository Destination => _destination
        ?? throw new TrackingException(ErrorCode.InvalidState, "This server does not serve artifacts (started without --serve-artifacts).");

    /// <summary>The repository holding the artifacts under <paramref name="artifactUri"/>, and the prefix of that URI inside it.</summary>
    public (IArtifactRepository Repository, string Prefix) Resolve(string artifactUri)
    {
        if (!artifactUri.StartsWith(ProxyScheme, StringComparison.OrdinalIgnoreCase))
            return (registry.Open(artifactUri), "");
        var rest = artifactUri[ProxyScheme.Length..];
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var slash = rest.IndexOf('/', 2);
            rest = slash < 0 ? "" : rest[slash..];
        }

        return (Destination, rest.Trim('/'));
    }
}
