using System.Globalization;
using System.Text.Json;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Registry;
using static Pipeline.Tracking.Stores.Rest.RestTrackingStore;

namespace Pipeline.Tracking.Stores.Rest;

public sealed partial class RestModelRegistry
{
    /// <inheritdoc />
    public async Task<RegisteredModel> CreateRegisteredModelAsync(string name, IReadOnlyList<RegistryTag>? tags = null, string? description = null, CancellationToken ct = default)
    {
        using var doc = await PostAsync("registered-models/create", w =>
        {
            w.WriteString("name", name);
            MlflowJsonWriter.WriteTags(w, "tags", ToTags(tags));
            WriteIfNotNull(w, "description", description);
        }, ct).ConfigureAwait(false);
        return ReadModel(doc);
    }

    /// <inheritdoc />
    public async Task<RegisteredModel> GetRegisteredModelAsync(string name, CancellationToken ct = default)
    {
        using var doc = await GetAsync("registered-models/get", Query.Of(("name", name)), ct).ConfigureAwait(false);
        return ReadModel(doc);
    }

    /// <inheritdoc />
    public async Task<RegisteredModel> RenameRegisteredModelAsync(string name, string newName, CancellationToken ct = default)
    {
        using var doc = await PostAsync("registered-models/rename", w =>
        {
            w.WriteString("name", name);
            w.WriteString("new_name", newName);
        }, ct).ConfigureAwait(false);
        return ReadModel(doc);
    }

    /// <inheritdoc />
    public async Task<RegisteredModel> UpdateRegisteredModelAsync(string name, string? description, CancellationToken ct = default)
    {
        using var doc = await SendAsync(HttpMethod.Patch, "registered-models/update", w =>
        {
            w.WriteString("name", name);
            WriteIfNotNull(w, "description", description);
        }, ct).ConfigureAwait(false);
        return ReadModel(doc);
    }

    /// <inheritdoc />
    public Task DeleteRegisteredModelAsync(string name, CancellationToken ct = default) =>
        SendVoidAsync(HttpMethod.Delete, "registered-models/delete", w => w.WriteString("name", name), ct);

    /// <inheritdoc />
    public async Task<PagedList<RegisteredModel>> SearchRegisteredModelsAsync(RegisteredModelQuery query, CancellationToken ct = default)
    {
        var q = Query.Join(Query.Of(("filter", query.Filter), ("max_results", Number(query.MaxResults)), ("page_token", query.PageToken)), "order_by", query.OrderBy);
        using var doc = await GetAsync("registered-models/search", q, ct).ConfigureAwait(false);
        var models = MlflowJsonReader.Array(doc.RootElement, "registered_models").Select(MlflowJsonReader.ReadRegisteredModel).ToList();
        return new PagedList<RegisteredModel>(models, NextPageToken(doc));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ModelVersion>> GetLatestVersionsAsync(string name, IReadOnlyList<string>? stages = null, CancellationToken ct = default)
    {
        using var doc = await PostAsync("registered-models/get-latest-versions", w =>
        {
            w.WriteString("name", name);
            WriteStrings(w, "stages", stages);
        }, ct).ConfigureAwait(false);
        return MlflowJsonReader.Array(doc.RootElement, "model_versions").Select(MlflowJsonReader.ReadModelVersion).ToList();
    }

    /// <inheritdoc />
    public Task SetRegisteredModelTagAsync(string name, RegistryTag tag, CancellationToken ct = default) =>
        PostVoidAsync("registered-models/set-tag", w =>
        {
            w.WriteString("name", name);
            w.WriteString("key", tag.Key);
            w.WriteString("value", tag.Value);
        }, ct);

    /// <inheritdoc />
    public Task DeleteRegisteredModelTagAsync(string name, string key, CancellationToken ct = default) =>
        SendVoidAsync(HttpMethod.Delete, "registered-models/delete-tag", w =>
        {
            w.WriteString("name", name);
            w.WriteString("key", key);
        }, ct);

    /// <inheritdoc />
    public async Task<ModelVersion> CreateModelVersionAsync(string name, string source, string? runId = null, IReadOnlyList<RegistryTag>? tags = null,
        string? runLink = null, string? description = null, CancellationToken ct = default)
    {
        using var doc = await PostAsync("model-versions/create", w =>
        {
            w.WriteString("name", name);
            w.WriteString("source", source);
            WriteIfNotNull(w, "run_id", runId);
            MlflowJsonWriter.WriteTags(w, "tags", ToTags(tags));
            WriteIfNotNull(w, "run_link", runLink);
            WriteIfNotNull(w, "description", description);
        }, ct).ConfigureAwait(false);
        return ReadVersion(doc);
    }

    /// <inheritdoc />
    public async Task<ModelVersion> GetModelVersionAsync(string name, long version, CancellationToken ct = default)
    {
        using var doc = await GetAsync("model-versions/get", Query.Of(("name", name), ("version", Number(version))), ct).ConfigureAwait(false);
        return ReadVersion(doc);
    }

    /// <inheritdoc />
    public async Task<ModelVersion> UpdateModelVersionAsync(string name, long version, string? description, CancellationToken ct = default)
    {
        using var doc = await SendAsync(HttpMethod.Patch, "model-versions/update", w =>
        {
            WriteNameVersion(w, name, version);
            WriteIfNotNull(w, "description", description);
        }, ct).ConfigureAwait(false);
        return ReadVersion(doc);
    }

    /// <inheritdoc />
    public async Task<ModelVersion> TransitionModelVersionStageAsync(string name, long version, string stage, bool archiveExistingVersions = false,
        CancellationToken ct = default)
    {
        using var doc = await PostAsync("model-versions/transition-stage", w =>
        {
            WriteNameVersion(w, name, version);
            WriteIfNotNull(w, "stage", stage);
            w.WriteBoolean("archive_existing_versions", archiveExistingVersions);
        }, ct).ConfigureAwait(false);
        return ReadVersion(doc);
    }

    /// <inheritdoc />
    public Task DeleteModelVersionAsync(string name, long version, CancellationToken ct = default) =>
        SendVoidAsync(HttpMethod.Delete, "model-versions/delete", w => WriteNameVersion(w, name, version), ct);

    /// <inheritdoc />
    public async Task<PagedList<ModelVersion>> SearchModelVersionsAsync(ModelVersionQuery query, CancellationToken ct = default)
    {
        var q = Query.Join(Query.Of(("filter", query.Filter), ("max_results", Number(query.MaxResults)), ("page_token", query.PageToken)), "order_by", query.OrderBy);
        using var doc = await GetAsync("model-versions/search", q, ct).ConfigureAwait(false);
        var versions = MlflowJsonReader.Array(doc.RootElement, "model_versions").Select(MlflowJsonReader.ReadModelVersion).ToList();
        return new PagedList<ModelVersion>(versions, NextPageToken(doc));
    }

    /// <inheritdoc />
    public async Task<string> GetModelVersionDownloadUriAsync(string name, long version, CancellationToken ct = default)
    {
        using var doc = await GetAsync("model-versions/get-download-uri", Query.Of(("name", name), ("version", Number(version))), ct).ConfigureAwait(false);
        return MlflowJsonReader.String(doc.RootElement, "artifact_uri") ?? throw Malformed("artifact_uri");
    }

    /// <inheritdoc />
    public Task SetModelVersionTagAsync(string name, long version, RegistryTag tag, CancellationToken ct = default) =>
        PostVoidAsync("model-versions/set-tag", w =>
        {
            WriteNameVersion(w, name, version);
            w.WriteString("key", tag.Key);
            w.WriteString("value", tag.Value);
        }, ct);

    /// <inheritdoc />
    public Task DeleteModelVersionTagAsync(string name, long version, string key, CancellationToken ct = default) =>
        SendVoidAsync(HttpMethod.Delete, "model-versions/delete-tag", w =>
        {
            WriteNameVersion(w, name, version);
            w.WriteString("key", key);
        }, ct);

    /// <inheritdoc />
    public Task SetRegisteredModelAliasAsync(string name, string alias, long version, CancellationToken ct = default) =>
        PostVoidAsync("registered-models/alias", w =>
        {
            w.WriteString("name", name);
            w.WriteString("alias", alias);
            w.WriteString("version", Number(version));
        }, ct);

    /// <inheritdoc />
    public Task DeleteRegisteredModelAliasAsync(string name, string alias, CancellationToken ct = default) =>
        SendVoidAsync(HttpMethod.Delete, "registered-models/alias", w =>
        {
            w.WriteString("name", name);
            w.WriteString("alias", alias);
        }, ct);

    /// <inheritdoc />
    public async Task<ModelVersion> GetModelVersionByAliasAsync(string name, string alias, CancellationToken ct = default)
    {
        using var doc = await GetAsync("registered-models/alias", Query.Of(("name", name), ("alias", alias)), ct).ConfigureAwait(false);
        return ReadVersion(doc);
    }

    private static RegisteredModel ReadModel(JsonDocument doc) =>
        MlflowJsonReader.ReadRegisteredModel(doc.RootElement.TryGetProperty("registered_model", out var m) ? m : throw Malformed("registered_model"));

    private static ModelVersion ReadVersion(JsonDocument doc) =>
        MlflowJsonReader.ReadModelVersion(doc.RootElement.TryGetProperty("model_version", out var v) ? v : throw Malformed("model_version"));

    private static IReadOnlyList<RunTag> ToTags(IReadOnlyList<RegistryTag>? tags) => tags?.Select(t => new RunTag(t.Key, t.Value)).ToList() ?? [];

    private static void WriteNameVersion(Utf8JsonWriter w, string name, long version)
    {
        w.WriteString("name", name);
        w.WriteString("version", Number(version));
    }

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}
