using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;

namespace Pipeline.Tracking.Composition;

/// <summary>
/// One opened tracking location: its store, its model registry and the artifact repositories every scheme opens
/// through. Made by <see cref="TrackingComposition.Open(TrackingLocation)"/>; disposing it closes the store and the shared HTTP client.
/// </summary>
public sealed class TrackingBackend : IAsyncDisposable
{
    private readonly HttpClient _http;

    internal TrackingBackend(TrackingLocation location, ITrackingStore store, IModelRegistry registry, ArtifactRepositoryRegistry artifacts, HttpClient http)
    {
        Location = location;
        Store = store;
        Registry = registry;
        Artifacts = artifacts;
        _http = http;
    }

    /// <summary>The tracking URI and default artifact root this backend was opened for.</summary>
    public TrackingLocation Location { get; }

    /// <summary>Experiments, runs, params, metrics, tags.</summary>
    public ITrackingStore Store { get; }

    /// <summary>Registered models, versions, aliases.</summary>
    public IModelRegistry Registry { get; }

    /// <summary>Opens an artifact repository by the scheme of its URI (every scheme the composition root registered).</summary>
    public ArtifactRepositoryRegistry Artifacts { get; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync().ConfigureAwait(false);
        _http.Dispose();
    }
}
