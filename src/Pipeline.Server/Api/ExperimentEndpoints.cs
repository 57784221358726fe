using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Server.Artifacts;
using Pipeline.Tracking;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Stores.Rest;

namespace Pipeline.Server.Api;

/// <summary>MLflow's <c>experiments/*</c> endpoints over <see cref="ITrackingStore"/>.</summary>
internal static class ExperimentEndpoints
{
    public static RouteGroupBuilder MapExperiments(this RouteGroupBuilder group)
    {
        group.MapPost("/experiments/create", Create);
        group.MapGet("/experiments/get", Get);
        group.MapGet("/experiments/get-by-name", GetByName);
        group.MapMethods("/experiments/search", [HttpMethods.Get, HttpMethods.Post], Search);
        group.MapPost("/experiments/update", Update);
        group.MapPost("/experiments/delete", Delete);
        group.MapPost("/experiments/restore", Restore);
        group.MapPost("/experiments/set-experiment-tag", SetTag);
        group.MapPost("/experiments/delete-experiment-tag", DeleteTag);
        return group;
    }

    private static async Task Create(HttpContext http, ITrackingStore store, ServerArtifacts artifacts)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var name = args.Required("name");
        var location = NullIfEmpty(args.String("artifact_location"));
        if (location is not null)
        {
            MlflowServerValidation.ArtifactLocation(location);
            artifacts.CheckClientLocation(location, "artifact_location");
        }
        var id = await store.CreateExperimentAsync(name, location, args.Tags(), http.RequestAborted);
        await JsonResponse.WriteAsync(http, w => w.WriteString("experiment_id", id));
    }

    private static async Task Get(HttpContext http, ITrackingStore store)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var experiment = await store.GetExperimentAsync(args.Required("experiment_id"), http.RequestAborted);
        await WriteExperimentAsync(http, experiment);
    }

    private static async Task GetByName(HttpContext http, ITrackingStore store)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var name = args.Required("experiment_name");
        var experiment = await store.GetExperimentByNameAsync(name, http.RequestAborted)
            ?? throw new TrackingException(ErrorCode.ResourceDoesNotExist, $"Could not find experiment with name '{name}'");
        await WriteExperimentAsync(http, experiment);
    }

    private static async Task Search(HttpContext http, ITrackingStore store)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var query = new ExperimentQuery(
            NullIfEmpty(args.String("filter")),
            args.View("view_type"),
            args.Int("max_results", 1000),
            args.Strings("order_by"),
            NullIfEmpty(args.String("page_token")));
        var page = await store.SearchExperimentsAsync(query, http.RequestAborted);
        await JsonResponse.WriteAsync(http, w =>
        {
            if (page.Items.Count > 0)
            {
                w.WriteStartArray("experiments");
                foreach (var e in page.Items)
                    MlflowJsonWriter.WriteExperiment(w, e);
                w.WriteEndArray();
            }

            if (page.NextPageToken is not null)
                w.WriteString("next_page_token", page.NextPageToken);
        });
    }

    private static async Task Update(HttpContext http, ITrackingStore store)
    {
        using var args = await RequestArgs.ReadAsync(http);
        // MLflow requires new_name (UpdateExperiment's schema), so an update without one is an error, not a no-op.
        await store.RenameExperimentAsync(args.Required("experiment_id"), args.Required("new_name"), http.RequestAborted);
        await JsonResponse.EmptyAsync(http);
    }

    private static async Task Delete(HttpContext http, ITrackingStore store)
    {
        using var args = await RequestArgs.ReadAsync(http);
        await store.DeleteExperimentAsync(args.Required("experiment_id"), http.RequestAborted);
        await JsonResponse.EmptyAsync(http);
    }

    private static async Task Restore(HttpContext http, ITrackingStore store)
    {
        using var args = await RequestArgs.ReadAsync(http);
        await store.RestoreExperimentAsync(args.Required("experiment_id"), http.RequestAborted);
        await JsonResponse.EmptyAsync(http);
    }

    private static async Task SetTag(HttpContext http, ITrackingStore store)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var tag = new RunTag(args.Required("key"), args.OptionalString("value"));
        await store.SetExperimentTagAsync(args.Required("experiment_id"), tag, http.RequestAborted);
        await JsonResponse.EmptyAsync(http);
    }

    private static async Task DeleteTag(HttpContext http, ITrackingStore store)
    {
        using var args = await RequestArgs.ReadAsync(http);
        await store.DeleteExperimentTagAsync(args.Required("experiment_id"), args.Required("key"), http.RequestAborted);
        await JsonResponse.EmptyAsync(http);
    }

    private static Task WriteExperimentAsync(HttpContext http, Experiment experiment) =>
        JsonResponse.WriteAsync(http, w =>
        {
            w.WritePropertyName("experiment");
            MlflowJsonWriter.WriteExperiment(w, experiment);
        });

    internal static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
