using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores.Rest;

namespace Pipeline.Server.Api;

/// <summary>MLflow's <c>registered-models/*</c> endpoints over <see cref="IModelRegistry"/>, with MLflow's HTTP methods.</summary>
internal static class RegisteredModelEndpoints
{
    public static RouteGroupBuilder MapRegisteredModels(this RouteGroupBuilder group)
    {
        group.MapPost("/registered-models/create", Create);
        group.MapGet("/registered-models/get", Get);
        group.MapPost("/registered-models/rename", Rename);
        group.MapPatch("/registered-models/update", Update);
        group.MapDelete("/registered-models/delete", Delete);
        group.MapGet("/registered-models/search", Search);
        group.MapMethods("/registered-models/get-latest-versions", [HttpMethods.Get, HttpMethods.Post], GetLatestVersions);
        group.MapPost("/registered-models/set-tag", SetTag);
        group.MapDelete("/registered-models/delete-tag", DeleteTag);
        group.MapPost("/registered-models/alias", SetAlias);
        group.MapDelete("/registered-models/alias", DeleteAlias);
        group.MapGet("/registered-models/alias", GetByAlias);
        return group;
    }

    private static async Task Create(HttpContext http, IModelRegistry registry)
    {
        using var args = await RequestArgs.ReadAsync(http);
        // name is required by the handler's schema, which answers before the registry's own check.
        var model = await registry.CreateRegisteredModelAsync(args.Required("name"), RegistryTags(args), args.String("description"), http.RequestAborted);
        await WriteModelAsync(http, model);
    }

    private static async Task Get(HttpContext http, IModelRegistry registry)
    {
        using var args = await RequestArgs.ReadAsync(http);
        await WriteModelAsync(http, await registry.GetRegisteredModelAsync(args.Required("name"), http.RequestAborted));
    }

    private static async Task Rename(HttpContext http, IModelRegistry registry)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var model = await registry.RenameRegisteredModelAsync(args.Required("name"), args.Required("new_name"), http.RequestAborted);
        await WriteModelAsync(http, model);
    }

    private static async Task Update(HttpContext http, IModelRegistry registry)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var model = await registry.UpdateRegisteredModelAsync(args.Required("name"), args.String("description"), http.RequestAborted);
        await WriteModelAsync(http, model);
    }

    private static async Task Delete(HttpContext http, IModelRegistry registry)
    {
        using var args = await RequestArgs.ReadAsync(http);
        await registry.DeleteRegisteredModelAsync(args.Required("name"), http.RequestAborted);
        await JsonResponse.EmptyAsync(http);
    }

    private static async Task Search(HttpContext http, IModelRegistry registry)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var query = new RegisteredModelQuery(
            ExperimentEndpoints.NullIfEmpty(args.String("filter")),
            args.Int("max_results", RegisteredModelQuery.DefaultMaxResults),
            args.Strings("order_by"),
            ExperimentEndpoints.NullIfEmpty(args.String("page_token")));
        var page = await registry.SearchRegisteredModelsAsync(query, http.RequestAborted);
        await JsonResponse.WriteAsync(http, w =>
        {
            if (page.Items.Count > 0)
            {
                w.WriteStartArray("registered_models");
                foreach (var m in page.Items)
                    MlflowJsonWriter.WriteRegisteredModel(w, m);
                w.WriteEndArray();
            }

            if (page.NextPageToken is not null)
                w.WriteString("next_page_token", page.NextPageToken);
        });
    }

    private static async Task GetLatestVersions(HttpContext http, IModelRegistry registry)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var versions = await registry.GetLatestVersionsAsync(args.Required("name"), args.Strings("stages"), http.RequestAborted);
        await ModelVersionEndpoints.WriteVersionsAsync(http, versions);
    }

    private static async Task SetTag(HttpContext http, IModelRegistry registry)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var tag = new RegistryTag(args.Required("key"), args.OptionalString("value"));
        await registry.SetRegisteredModelTagAsync(args.Required("name"), tag, http.RequestAborted);
        await JsonResponse.EmptyAsync(http);
    }

    private static async Task DeleteTag(HttpContext http, IModelRegistry registry)
    {
        using var args = await RequestArgs.ReadAsync(http);
        await registry.DeleteRegisteredModelTagAsync(args.Required("name"), args.Required("key"), http.RequestAborted);
        await JsonResponse.EmptyAsync(http);
    }

    private static async Task SetAlias(HttpContext http, IModelRegistry registry)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var version = MlflowJsonReader.ParseVersion(args.Required("version"));
        await registry.SetRegisteredModelAliasAsync(args.Required("name"), args.Required("alias"), version, http.RequestAborted);
        await JsonResponse.EmptyAsync(http);
    }

    private static async Task DeleteAlias(HttpContext http, IModelRegistry registry)
    {
        using var args = await RequestArgs.ReadAsync(http);
        await registry.DeleteRegisteredModelAliasAsync(args.Required("name"), args.Required("alias"), http.RequestAborted);
        await JsonResponse.EmptyAsync(http);
    }

    private static async Task GetByAlias(HttpContext http, IModelRegistry registry)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var version = await registry.GetModelVersionByAliasAsync(args.Required("name"), args.Required("alias"), http.RequestAborted);
        await ModelVersionEndpoints.WriteVersionAsync(http, version);
    }

    internal static IReadOnlyList<RegistryTag> RegistryTags(RequestArgs args) => args.Tags().Select(t => new RegistryTag(t.Key, t.Value)).ToList();

    private static Task WriteModelAsync(HttpContext http, RegisteredModel model) =>
        JsonResponse.WriteAsync(http, w =>
        {
            w.WritePropertyName("registered_model");
            MlflowJsonWriter.WriteRegisteredModel(w, model);
        });
}
