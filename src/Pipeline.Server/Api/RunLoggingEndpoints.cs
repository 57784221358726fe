using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Stores.Rest;

namespace Pipeline.Server.Api;

/// <summary>
/// MLflow's logging endpoints: <c>runs/log-metric</c>, <c>log-parameter</c>, <c>set-tag</c>, <c>delete-tag</c>,
/// <c>log-batch</c>, <c>log-inputs</c> and <c>metrics/get-history</c>. Every write is one call of the store's batch
/// primitive, which enforces MLflow's key rules and batch limits.
/// </summary>
internal static class RunLoggingEndpoints
{
    public static RouteGroupBuilder MapRunLogging(this RouteGroupBuilder group)
    {
        group.MapPost("/runs/log-metric", LogMetric);
        group.MapPost("/runs/log-parameter", LogParam);
        group.MapPost("/runs/set-tag", SetTag);
        group.MapPost("/runs/delete-tag", DeleteTag);
        group.MapPost("/runs/log-batch", LogBatch);
        group.MapPost("/runs/log-inputs", LogInputs);
        group.MapGet("/metrics/get-history", GetHistory);
        return group;
    }

    private static async Task LogMetric(HttpContext http, MetricWriteBatcher batcher)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var runId = args.RunId();
        var metric = new Metric(
            args.Required("key"),
            args.Double("value") ?? throw RequestArgs.Missing("value"),
            args.Long("timestamp") ?? throw RequestArgs.Missing("timestamp"),
            args.Long("step") ?? 0);
        await batcher.LogAsync(runId, metric);
        await JsonResponse.EmptyAsync(http);
    }

    private static async Task LogParam(HttpContext http, ITrackingStore store)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var runId = args.RunId();
        var param = new Param(args.Required("key"), args.OptionalString("value"));
        await store.LogParamAsync(runId, param, http.RequestAborted);
        await JsonResponse.EmptyAsync(http);
    }

    private static async Task SetTag(HttpContext http, ITrackingStore store)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var runId = args.RunId();
        var tag = new RunTag(args.Required("key"), args.OptionalString("value"));
        await store.SetTagAsync(runId, tag, http.RequestAborted);
        await JsonResponse.EmptyAsync(http);
    }

    private static async Task DeleteTag(HttpContext http, ITrackingStore store)
    {
        using var args = await RequestArgs.ReadAsync(http);
        await store.DeleteTagAsync(args.Required("run_id"), args.Required("key"), http.RequestAborted);
        await JsonResponse.EmptyAsync(http);
    }

    private static async Task LogBatch(HttpContext http, ITrackingStore store)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var runId = args.Required("run_id");
        RequireFields(args.Body, "metrics", "key", "value", "timestamp");
        RequireFields(args.Body, "params", "key");
        RequireFields(args.Body, "tags", "key");
        var metrics = MlflowJsonReader.Array(args.Body, "metrics").Select(MlflowJsonReader.ReadMetric).ToList();
        var parameters = MlflowJsonReader.ReadTags(args.Body, "params").Select(t => new Param(t.Key, t.Value)).ToList();
        await store.LogBatchAsync(runId, metrics, parameters, args.Tags(), http.RequestAborted);
        await JsonResponse.EmptyAsync(http);
    }

    private static async Task LogInputs(HttpContext http, ITrackingStore store)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var runId = args.Required("run_id");
        await store.LogInputsAsync(runId, MlflowJsonReader.ReadDatasetInputs(args.Body, "datasets"), http.RequestAborted);
        await JsonResponse.EmptyAsync(http);
    }

    private static async Task GetHistory(HttpContext http, ITrackingStore store)
    {
        using var args = await RequestArgs.ReadAsync(http);
        var runId = args.RunId();
        var maxResults = args.Long("max_results");
        var page = await store.GetMetricHistoryPageAsync(runId, args.Required("metric_key"),
            maxResults is { } max ? (int)Math.Clamp(max, int.MinValue, int.MaxValue) : null,
            ExperimentEndpoints.NullIfEmpty(args.String("page_token")), http.RequestAborted);
        await JsonResponse.WriteAsync(http, w =>
        {
            MlflowJsonWriter.WriteMetrics(w, "metrics", page.Items);
            if (page.NextPageToken is not null)
            {
                w.WriteString("next_page_token", page.NextPageToken);
            }
        });
    }

    /// <summary>
    /// MLflow's log-batch checks: each element of <paramref name="list"/> has every field in <paramref name="fields"/>
    /// (present, not null, not ""), else INVALID_PARAMETER_VALUE naming e.g. <c>metrics[3].value</c>. Without it a
    /// metric lacking its value would be read as 0 and logged.
    /// </summary>
    private static void RequireFields(System.Text.Json.JsonElement body, string list, params string[] fields)
    {
        var index = 0;
        foreach (var element in MlflowJsonReader.Array(body, list))
        {
            foreach (var field in fields)
            {
                if (element.ValueKind != System.Text.Json.JsonValueKind.Object
                    || !element.TryGetProperty(field, out var v)
                    || v.ValueKind == System.Text.Json.JsonValueKind.Null
                    || (v.ValueKind == System.Text.Json.JsonValueKind.String && v.GetString()!.Length == 0))
                {
                    throw RequestArgs.Missing($"{list}[{index}].{field}");
                }
            }

            index++;
        }
    }
}
