using System.Text.Json;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Registry;

namespace Pipeline.Tracking.Stores.Rest;

/// <summary>
/// The tracking store contract over MLflow's REST API (<c>/api/2.0/mlflow/...</c>) of any server
/// that speaks it: ours or MLflow's own. Opened for <c>http://</c> and <c>https://</c> tracking URIs by
/// <see cref="Composition.TrackingComposition.CreateDefault"/>. One keep-alive HTTP client per store; requests are retried with
/// backoff on 429/5xx and timeouts (<see cref="RestTrackingStoreOptions"/>); server errors come back as
/// <see cref="TrackingException"/> with the server's error code and message.
/// </summary>
public sealed partial class RestTrackingStore : ITrackingStore, Sweeps.ITrialQueueProvider
{
    private const string Api = "api/2.0/mlflow/";
    private readonly MlflowHttpClient _client;

    /// <summary>The HTTP client, shared with the <see cref="RestModelRegistry"/> on the same server.</summary>
    internal MlflowHttpClient Client => _client;

    /// <summary>A store for the server at <paramref name="trackingUri"/> (e.g. <c>http://127.0.0.1:5000</c>, a path prefix allowed).</summary>
    /// <param name="trackingUri">The server's base URI.</param>
    /// <param name="options">Timeouts, retries and credentials; defaults when null.</param>
    /// <param name="timeProvider">Clock for backoff delays; the system clock when null.</param>
    /// <param name="httpClient">A client to use instead of the store's own (not disposed by the store).</param>
    public RestTrackingStore(Uri trackingUri, RestTrackingStoreOptions? options = null, TimeProvider? timeProvider = null, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(trackingUri);
        if (trackingUri.Scheme is not ("http" or "https"))
            throw new TrackingException(ErrorCode.InvalidParameterValue, $"A REST tracking store needs an http:// or https:// URI, got '{trackingUri}'");
        _client = new MlflowHttpClient(trackingUri, options ?? new RestTrackingStoreOptions(), timeProvider ?? TimeProvider.System, httpClient);
    }

    /// <summary>The server's base URI, ending in <c>/</c>.</summary>
    public Uri TrackingUri => _client.BaseUri;

    /// <summary>The trial queue behind the server's <c>/api/2.0/pipeline/</c> extension (a server without it: every call says so).</summary>
    public Sweeps.ITrialQueue TrialQueue => new RestTrialQueue(_client);

    /// <inheritdoc />
    public async Task<string> CreateExperimentAsync(string name, string? artifactLocation = null, IReadOnlyList<RunTag>? tags = null, CancellationToken ct = default)
    {
        using var doc = await PostAsync("experiments/create", w =>
        {
            w.WriteString("name", name);
            if (artifactLocation is not null)
                w.WriteString("artifact_location", artifactLocation);
            MlflowJsonWriter.WriteTags(w, "tags", tags ?? []);
        }, ct).ConfigureAwait(false);
        return MlflowJsonReader.String(doc.RootElement, "experiment_id") ?? throw Malformed("experiment_id");
    }

    /// <inheritdoc />
    public async Task<Experiment> GetExperimentAsync(string experimentId, CancellationToken ct = default)
    {
        using var doc = await GetAsync("experiments/get", Query.Of(("experiment_id", experimentId)), ct).ConfigureAwait(false);
        return MlflowJsonReader.ReadExperiment(doc.RootElement.GetProperty("experiment"));
    }

    /// <inheritdoc />
    public async Task<Experiment?> GetExperimentByNameAsync(string name, CancellationToken ct = default)
    {
        try
        {
            using var doc = await GetAsync("experiments/get-by-name", Query.Of(("experiment_name", name)), ct).ConfigureAwait(false);
            return MlflowJsonReader.ReadExperiment(doc.RootElement.GetProperty("experiment"));
        }
        catch (TrackingException e) when (e.Code == ErrorCode.ResourceDoesNotExist)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<PagedList<Experiment>> SearchExperimentsAsync(ExperimentQuery query, CancellationToken ct = default)
    {
        using var doc = await PostAsync("experiments/search", w =>
        {
            w.WriteNumber("max_results", query.MaxResults);
            WriteIfNotNull(w, "filter", query.Filter);
            WriteIfNotNull(w, "page_token", query.PageToken);
            WriteStrings(w, "order_by", query.OrderBy);
            w.WriteString("view_type", ViewTypeName(query.ViewType));
        }, ct).ConfigureAwait(false);
        var items = MlflowJsonReader.Array(doc.RootElement, "experiments").Select(MlflowJsonReader.ReadExperiment).ToList();
        return new PagedList<Experiment>(items, NextPageToken(doc));
    }

    /// <inheritdoc />
    public Task DeleteExperimentAsync(string experimentId, CancellationToken ct = default) =>
        PostVoidAsync("experiments/delete", w => w.WriteString("experiment_id", experimentId), ct);

    /// <inheritdoc />
    public Task RestoreExperimentAsync(string experimentId, CancellationToken ct = default) =>
        PostVoidAsync("experiments/restore", w => w.WriteString("experiment_id", experimentId), ct);

    /// <inheritdoc />
    public Task RenameExperimentAsync(string experimentId, string newName, CancellationToken ct = default) =>
        PostVoidAsync("experiments/update", w =>
        {
            w.WriteString("experiment_id", experimentId);
            w.WriteString("new_name", newName);
        }, ct);

    /// <inheritdoc />
    public Task DeleteExperimentTagAsync(string experimentId, string key, CancellationToken ct = default) =>
        PostVoidAsync("experiments/delete-experiment-tag", w =>
        {
            w.WriteString("experiment_id", experimentId);
            w.WriteString("key", key);
        }, ct);

    /// <inheritdoc />
    public Task SetExperimentTagAsync(string experimentId, RunTag tag, CancellationToken ct = default) =>
        PostVoidAsync("experiments/set-experiment-tag", w =>
        {
            w.WriteString("experiment_id", experimentId);
            w.WriteString("key", tag.Key);
            w.WriteString("value", tag.Value);
        }, ct);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>MLflow's wire name of a view type: <c>ACTIVE_ONLY</c>, <c>DELETED_ONLY</c>, <c>ALL</c>.</summary>
    public static string ViewTypeName(ViewType view) => view switch
    {
        ViewType.DeletedOnly => "DELETED_ONLY",
        ViewType.All => "ALL",
        _ => "ACTIVE_ONLY",
    };

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

    internal static string? NextPageToken(JsonDocument doc) =>
        MlflowJsonReader.String(doc.RootElement, "next_page_token") is { Length: > 0 } token ? token : null;

    internal static void WriteIfNotNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
            w.WriteString(name, value);
    }

    internal static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string>? values)
    {
        if (values is null || values.Count == 0)
            return;
        w.WriteStartArray(name);
        foreach (var v in values)
            w.WriteStringValue(v);
        w.WriteEndArray();
    }

    internal static TrackingException Malformed(string field) =>
        new(ErrorCode.InternalError, $"The tracking server's answer has no '{field}'");
}
