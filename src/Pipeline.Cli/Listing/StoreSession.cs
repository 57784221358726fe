using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Composition;
using Pipeline.Tracking.Metadata;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;

namespace Pipeline.Cli.Listing;

/// <summary>
/// What the registry, runs and artifacts commands work with, opened from one tracking URI through the composition root:
/// the tracking store, its model registry and the artifact repositories its runs' URIs name (<c>file:</c>, and
/// <c>mlflow-artifacts:</c> through the tracking server when the URI is http(s), with MLflow's client credentials).
/// </summary>
internal sealed class StoreSession : IAsyncDisposable
{
    private readonly TrackingBackend _backend;

    private StoreSession(string uri, TrackingBackend backend)
    {
        Uri = uri;
        _backend = backend;
    }

    /// <summary>The tracking URI, for messages (redact it with <see cref="PostgresUri.Redact"/>).</summary>
    public string Uri { get; }

    public ITrackingStore Tracking => _backend.Store;

    public ArtifactRepositoryRegistry Artifacts => _backend.Artifacts;

    /// <summary>The store's model registry.</summary>
    public IModelRegistry Registry => _backend.Registry;

    /// <summary>Opens the store <c>--tracking-uri</c> names, else <c>MLFLOW_TRACKING_URI</c>, else <c>sqlite:///mlruns.db</c>.</summary>
    public static StoreSession Open(string? trackingUriOption) => Open(trackingUriOption, new ProcessEnvironmentVariables());

    /// <inheritdoc cref="Open(string?)"/>
    public static StoreSession Open(string? trackingUriOption, IEnvironmentVariables environment)
    {
        var uri = TrackingStoreLocator.ResolveUri(trackingUriOption);
        return new StoreSession(uri, TrackingStoreLocator.Open(uri));
    }

    public ValueTask DisposeAsync() => _backend.DisposeAsync();
}
