using System.Text.Json;
using Pipeline.Tracking.Registry;

namespace Pipeline.Tracking.Stores.Rest;

/// <summary>
/// The model registry contract over MLflow's REST API (<c>/api/2.0/mlflow/registered-models/...</c> and
/// <c>model-versions/...</c>) of the server a <see cref="RestTrackingStore"/> talks to, through the same HTTP client,
/// retries and credentials. Opened beside its store by <see cref="Composition.TrackingComposition"/>; it does not own
/// the store, so dispose the store only.
/// </summary>
public sealed partial class RestModelRegistry : IModelRegistry
{
    private const string Api = "api/2.0/mlflow/";
    private readonly MlflowHttpClient _client;

    /// <summary>The registry of the server <paramref name="store"/> talks to.</summary>
    public RestModelRegistry(RestTrackingStore store) =>
        _client = (store ?? throw new ArgumentNullException(nameof(store))).Client;

    private Task<JsonDocument> PostAsync(string endpoint, Action<Utf8JsonWriter> body, CancellationToken ct) =>
        _client.SendAsync(HttpMethod.Post, Api + endpoint, body, null, ct);

    private Task<JsonDocument> SendAsync(HttpMethod method, string endpoint, Action<Utf8JsonWriter> body, CancellationToken ct) =>
        _client.SendAsync(method, Api + endpoint, body, null, ct);

    private async Task PostVoidAsync(string endpoint, Action<Utf8JsonWriter> body, CancellationToken ct) =>
        (await PostAsync(endpoint, body, ct).ConfigureAwait(false)).Dispose();

    private async Task SendVoidAsync(HttpMethod method, string endpoint, Action<Utf8JsonWriter> body, CancellationToken ct) =>
        (await SendAsync(method, endpoint, body, ct).ConfigureAwait(false)).Dispose();

    private Task<JsonDocument> GetAsync(string endpoint, string query, CancellationToken ct) =>
        _client.SendAsync(HttpMethod.Get, Api + endpoint, null, query, ct);
}
