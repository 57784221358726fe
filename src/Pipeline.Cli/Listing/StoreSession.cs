using System.Net.Http.Headers;
using System.Text;
using Pipeline.Tracking;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Metadata;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Stores.Rest;

namespace Pipeline.Cli.Listing;

/// <summary>
/// What the registry, runs and artifacts commands work with, opened from one tracking URI: the tracking store, its
/// model registry and the artifact repositories its runs' URIs name (<c>file:</c>, and <c>mlflow-artifacts:</c>
/// through the tracking server when the URI is http(s), with MLflow's client credentials). This is the CLI's one
/// place that turns a URI into stores; it moves to the shared composition root as a one-line change.
/// </summary>
internal sealed class StoreSession : IAsyncDisposable
{
    private readonly HttpClient? _http;

    private StoreSession(string uri, ITrackingStore tracking, ArtifactRepositoryRegistry artifacts, HttpClient? http)
    {
        Uri = uri;
        Tracking = tracking;
        Artifacts = artifacts;
        _http = http;
    }

    /// <summary>The tracking URI, for messages (redact it with <see cref="PostgresUri.Redact"/>).</summary>
    public string Uri { get; }

    public ITrackingStore Tracking { get; }

    public ArtifactRepositoryRegistry Artifacts { get; }

    /// <summary>The store's model registry; every store we open has one (SQL stores and the REST client alike).</summary>
    public IModelRegistry Registry => Tracking as IModelRegistry ?? throw new TrackingException(ErrorCode.InvalidParameterValue,
        $"The tracking store '{PostgresUri.Redact(Uri)}' has no model registry.");

    /// <summary>Opens the store <c>--tracking-uri</c> names, else <c>MLFLOW_TRACKING_URI</c>, else <c>sqlite:///mlruns.db</c>.</summary>
    public static StoreSession Open(string? trackingUriOption) => Open(trackingUriOption, new ProcessEnvironmentVariables());

    /// <inheritdoc cref="Open(string?)"/>
    public static StoreSession Open(string? trackingUriOption, IEnvironmentVariables environment)
    {
        var uri = TrackingStoreLocator.ResolveUri(trackingUriOption);
        var tracking = TrackingStoreLocator.Open(uri);
        var artifacts = new ArtifactRepositoryRegistry();
        HttpClient? http = null;
        if (System.Uri.TryCreate(uri, UriKind.Absolute, out var server) && server.Scheme is "http" or "https")
        {
            // Runs created through a tracking server keep their files behind its artifact proxy (mlflow-artifacts:/...).
            http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            artifacts.AddMlflowArtifacts(server, http, Authorization(RestTrackingStoreOptions.FromEnvironment(environment)));
        }
        else
        {
            // A run logged through a tracking server keeps its files behind that server even when its database is read directly.
            artifacts.Register("mlflow-artifacts", location => throw new TrackingException(ErrorCode.InvalidState,
                $"the artifacts at {location} are served by a tracking server's artifact proxy; pass that server as --tracking-uri (http://host:port)."));
        }

        return new StoreSession(uri, tracking, artifacts, http);
    }

    public async ValueTask DisposeAsync()
    {
        await Tracking.DisposeAsync();
        _http?.Dispose();
    }

    private static AuthenticationHeaderValue? Authorization(RestTrackingStoreOptions options) =>
        options.Token is { Length: > 0 } token ? new AuthenticationHeaderValue("Bearer", token)
        : options.Username is { Length: > 0 } user ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{options.Password}")))
        : null;
}
