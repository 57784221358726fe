using System.Net.Http.Headers;

namespace Pipeline.Tracking.Artifacts;

/// <summary>Adds client-side schemes to an <see cref="ArtifactRepositoryRegistry"/>.</summary>
public static class ArtifactRepositoryRegistryExtensions
{
    /// <summary>
    /// Registers <c>mlflow-artifacts</c> as <see cref="HttpArtifactRepository"/> through the tracking server at
    /// <paramref name="trackingServer"/>, sharing <paramref name="http"/> (kept alive by the caller) and sending
    /// <paramref name="authorization"/> when given. Returns the registry for chaining.
    /// </summary>
    public static ArtifactRepositoryRegistry AddMlflowArtifacts(this ArtifactRepositoryRegistry registry, Uri trackingServer, HttpClient http,
        AuthenticationHeaderValue? authorization = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(trackingServer);
        ArgumentNullException.ThrowIfNull(http);
        return registry.Register("mlflow-artifacts", uri => new HttpArtifactRepository(uri, trackingServer, http, authorization));
    }
}
