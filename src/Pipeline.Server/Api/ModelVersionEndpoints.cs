using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Server.Artifacts;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Stores.Rest;

namespace Pipeline.Server.Api;

/// <summary>MLflow's <c>model-versions/*</c> endpoints over <see cref="IModelRegistry"/>, with MLflow's HTTP methods.</summary>
internal static class ModelVersionEndpoints
{
    public static RouteGroupBuilder MapModelVersions(this RouteGroupBuilder group)
    {
        group.MapPost("/model-versions/create", Create);
        group.MapGet("/model-versions/get", Get);
        group.MapPatch("/model-versions/update", Update);
        group.MapDelete("/model-versions/delete", Delete);
        group.MapPost("/model-versions/transition-stage", TransitionStage);
        group.MapGet("/model-versions/search", Search);
        group.MapGet("/model-versions/get-download-uri", GetDownloadUri);
        group.MapPost("/model-versions/set-tag", SetTag);
        group.MapDelete("/model-versions/delete-tag", DeleteTag);
        return group;
    }

    private static async Task Create(HttpContext http, IModelRegistry registry, ITrackingStore store)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var name = args.Required("name");
        var source = args.Required("source");
        var runId = ExperimentEndpoints.NullIfEmpty(args.String("run_id"));
        await MlflowServerValidation.ModelVersionSourceAsync(source, runId, store, http.RequestAborted);
        http.RequestServices.GetRequiredService<ServerArtifacts>().CheckClientLocation(source, "source");
        var version = await registry.CreateModelVersionAsync(
            name,
            source,
            runId,
            RegisteredModelEndpoints.RegistryTags(args),
            ExperimentEndpoints.NullIfEmpty(args.String("run_link")),
            args.String("description"),
            http.RequestAborted);
        await WriteVersionAsync(http, version);
    }

    private static async Task Get(HttpContext http, IModelRegistry registry)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var (name, version) = NameVersion(args);
        await WriteVersionAsync(http, await registry.GetModelVersionAsync(name, version, http.RequestAborted));
    }

    private static async Task Update(HttpContext http, IModelRegistry registry)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var (name, version) = NameVersion(args);
        await WriteVersionAsync(http, await registry.UpdateModelVersionAsync(name, version, args.String("description"), http.RequestAborted));
    }

    private static async Task TransitionStage(HttpContext http, IModelRegistry registry)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var (name, version) = NameVersion(args);
        var moved = await registry.TransitionModelVersionStageAsync(name, version, args.Required("stage"),
            args.Bool("archive_existing_versions") ?? false, http.RequestAborted);
        await WriteVersionAsync(http, moved);
    }

    private static async Task Delete(HttpContext http, IModelRegistry registry)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var (name, version) = NameVersion(args);
        await registry.DeleteModelVersionAsync(name, version, http.RequestAborted);
        await JsonResponse.EmptyAsync(http);
    }

    private static async Task Search(HttpContext http, IModelRegistry registry)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var query = new ModelVersionQuery(
            ExperimentEndpoints.NullIfEmpty(args.String("filter")),
            args.Int("max_results", ModelVersionQuery.DefaultMaxResults),
            args.Strings("order_by"),
            ExperimentEndpoints.NullIfEmpty(args.String("page_token")));
        var page = await registry.SearchModelVersionsAsync(query, http.RequestAborted);
        await JsonResponse.WriteAsync(http, w =>
        {
            WriteVersionList(w, page.Items);
            if (page.NextPageToken is not null)
                w.WriteString("next_page_token", page.NextPageToken);
        });
    }

    private static async Task GetDownloadUri(HttpContext http, IModelRegistry registry)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var (name, version) = NameVersion(args);
        var uri = await registry.GetModelVersionDownloadUriAsync(name, version, http.RequestAborted);
        await JsonResponse.WriteAsync(http, w => w.WriteString("artifact_uri", uri));
    }

    private static async Task SetTag(HttpContext http, IModelRegistry registry)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var (name, version) = NameVersion(args);
        var tag = new RegistryTag(args.Required("key"), args.OptionalString("value"));
        await registry.SetModelVersionTagAsync(name, version, tag, http.RequestAborted);
        await JsonResponse.EmptyAsync(http);
    }

    private static async Task DeleteTag(HttpContext http, IModelRegistry registry)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var (name, version) = NameVersion(args);
        await registry.DeleteModelVersionTagAsync(name, version, args.Required("key"), http.RequestAborted);
        await JsonResponse.EmptyAsync(http);
    }

    internal static Task WriteVersionAsync(HttpContext http, ModelVersion version) =>
        JsonResponse.WriteAsync(http, w =>
        {
            w.WritePropertyName("model_version");
            MlflowJsonWriter.WriteModelVersion(w, version);
        });

    internal static Task WriteVersionsAsync(HttpContext http, IReadOnlyList<ModelVersion> versions) =>
        JsonResponse.WriteAsync(http, w => WriteVersionList(w, versions));

    private static void WriteVersionList(System.Text.Json.Utf8JsonWriter w, IReadOnlyList<ModelVersion> versions)
    {
        if (versions.Count == 0)
            return;
        w.WriteStartArray("model_versions");
        foreach (var v in versions)
            MlflowJsonWriter.WriteModelVersion(w, v);
        w.WriteEndArray();
    }

    private static (string Name, long Version) NameVersion(RequestArgs args) =>
        (args.Required("name"), MlflowJsonReader.ParseVersion(args.Required("version")));
}
