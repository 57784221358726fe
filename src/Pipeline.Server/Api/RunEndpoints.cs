using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Tracking;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Stores.Rest;

namespace Pipeline.Server.Api;

/// <summary>MLflow's run lifecycle endpoints (<c>runs/create</c>, <c>get</c>, <c>update</c>, <c>delete</c>, <c>restore</c>, <c>search</c>).</summary>
internal static class RunEndpoints
{
    public static RouteGroupBuilder MapRuns(this RouteGroupBuilder group)
    {
        group.MapPost("/runs/create", Create);
        group.MapGet("/runs/get", Get);
        group.MapPost("/runs/update", Update);
        group.MapPost("/runs/delete", Delete);
        group.MapPost("/runs/restore", Restore);
        group.MapPost("/runs/search", Search);
        return group;
    }

    private static async Task Create(HttpContext http, ITrackingStore store, TimeProvider time)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var experimentId = ExperimentEndpoints.NullIfEmpty(args.String("experiment_id")) ?? "0";
        var run = await store.CreateRunAsync(
            experimentId,
            args.String("user_id") ?? "",
            args.Long("start_time") ?? time.GetUtcNow().ToUnixTimeMilliseconds(),
            args.Tags(),
            ExperimentEndpoints.NullIfEmpty(args.String("run_name")),
            http.RequestAborted);
        await WriteRunAsync(http, run);
    }

    private static async Task Get(HttpContext http, ITrackingStore store)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var run = await store.GetRunAsync(args.RunId(), http.RequestAborted);
        await WriteRunAsync(http, run);
    }

    private static async Task Update(HttpContext http, ITrackingStore store)
    {
        using var args = await RequestArgs.ReadAsync(http);
        RunStatus? status = null;
        if (args.String("status") is { Length: > 0 } name)
        {
            status = MlflowNames.TryParseRunStatus(name, out var s)
                ? s
                : throw new TrackingException(ErrorCode.InvalidParameterValue,
                    $"Invalid value {name} for parameter 'status' supplied. Expected one of RUNNING, SCHEDULED, FINISHED, FAILED, KILLED");
        }

        var info = await store.UpdateRunInfoAsync(args.RunId(), status, args.Long("end_time"),
            ExperimentEndpoints.NullIfEmpty(args.String("run_name")), http.RequestAborted);
        await JsonResponse.WriteAsync(http, w =>
        {
            w.WritePropertyName("run_info");
            MlflowJsonWriter.WriteRunInfo(w, info);
        });
    }

    private static async Task Delete(HttpContext http, ITrackingStore store)
    {
        using var args = await RequestArgs.ReadAsync(http);
        await store.DeleteRunAsync(args.RunId(), http.RequestAborted);
        await JsonResponse.EmptyAsync(http);
    }

    private static async Task Restore(HttpContext http, ITrackingStore store)
    {
        using var args = await RequestArgs.ReadAsync(http);
        await store.RestoreRunAsync(args.RunId(), http.RequestAborted);
        await JsonResponse.EmptyAsync(http);
    }

    private static async Task Search(HttpContext http, ITrackingStore store)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var query = new RunQuery(
            args.Strings("experiment_ids"),
            ExperimentEndpoints.NullIfEmpty(args.String("filter")),
            args.View("run_view_type"),
            args.Int("max_results", 1000),
            args.Strings("order_by"),
            ExperimentEndpoints.NullIfEmpty(args.String("page_token")));
        var page = await store.SearchRunsAsync(query, http.RequestAborted);
        await JsonResponse.WriteAsync(http, w =>
        {
            if (page.Items.Count > 0)
            {
                w.WriteStartArray("runs");
                foreach (var run in page.Items)
                    MlflowJsonWriter.WriteRun(w, run);
                w.WriteEndArray();
            }

            if (page.NextPageToken is not null)
                w.WriteString("next_page_token", page.NextPageToken);
        });
    }

    private static Task WriteRunAsync(HttpContext http, Run run) =>
        JsonResponse.WriteAsync(http, w =>
        {
            w.WritePropertyName("run");
            MlflowJsonWriter.WriteRun(w, run);
        });
}
