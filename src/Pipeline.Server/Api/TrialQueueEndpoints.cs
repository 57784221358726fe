using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Tracking;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Sweeps;

namespace Pipeline.Server.Api;

/// <summary>
/// Our extension beside MLflow's API, <c>/api/2.0/pipeline/sweeps/...</c>: the trial queue of distributed sweeps, for
/// workers that only have the server's URL (see <see cref="TrialQueueWire"/>). Times are the server's clock.
/// </summary>
public static class TrialQueueEndpoints
{
    /// <summary>Maps the queue's operations on <paramref name="group"/> (<c>/api/2.0/pipeline/sweeps</c>).</summary>
    public static RouteGroupBuilder MapTrialQueue(this RouteGroupBuilder group)
    {
        group.MapPost("/create-or-join", async (HttpContext http, ITrackingStore store) =>
        {
            var request = await ReadAsync<SweepQueueRequest>(http);
            if (string.IsNullOrEmpty(request.SweepId) || string.IsNullOrEmpty(request.ExperimentId) || request.Configurations is null)
                throw Missing("sweep_id, experiment_id and configurations");
            await WriteAsync(http, await Queue(store).CreateOrJoinAsync(request, http.RequestAborted));
        });
        Map(group, "get", async (q, c, ct) => new TrialQueueWire.Maybe<SweepQueue>(await q.GetSweepAsync(c.SweepId, ct)));
        Map(group, "set-run", async (q, c, ct) => new TrialQueueWire.Held(await q.SetSweepRunAsync(c.SweepId, c.RunId ?? throw Missing("run_id"), ct)));
        Map(group, "claim", async (q, c, ct) => new TrialQueueWire.Maybe<ClaimedTrial>(await q.ClaimAsync(c.SweepId, Worker(c), ct)));
        Map(group, "record-configuration", async (q, c, ct) =>
            new TrialQueueWire.Held(await q.RecordConfigurationAsync(c.SweepId, Number(c), Worker(c), string.IsNullOrEmpty(c.Configuration) ? throw Missing("configuration") : c.Configuration, ct)));
        Map(group, "attach", async (q, c, ct) =>
            new TrialQueueWire.Held(await q.AttachAsync(c.SweepId, Number(c), Worker(c), c.RunId ?? throw Missing("run_id"), c.Configuration, ct)));
        Map(group, "heartbeat", async (q, c, ct) => new TrialQueueWire.Held(await q.HeartbeatAsync(c.SweepId, Number(c), Worker(c), ct)));
        Map(group, "finish", async (q, c, ct) =>
        {
            var state = c.State is TrialState.Complete or TrialState.Failed ? c.State.Value : throw Missing("state (COMPLETE or FAILED)");
            return new TrialQueueWire.Held(await q.FinishAsync(c.SweepId, Number(c), Worker(c), state, c.Error, ct));
        });
        Map(group, "reap", async (q, c, ct) =>
            await q.ReapAsync(c.SweepId, TimeSpan.FromMilliseconds(c.StaleAfterMs is > 0 ? c.StaleAfterMs.Value : throw Missing("stale_after_ms (> 0)")), ct));
        Map(group, "count", async (q, c, ct) => await q.CountAsync(c.SweepId, ct));
        Map(group, "list", async (q, c, ct) => await q.ListAsync(c.SweepId, ct));
        return group;
    }

    private static void Map<T>(RouteGroupBuilder group, string operation, Func<ITrialQueue, TrialQueueWire.Call, CancellationToken, Task<T>> handle) =>
        group.MapPost("/" + operation, async (HttpContext http, ITrackingStore store) =>
        {
            var call = await ReadAsync<TrialQueueWire.Call>(http);
            if (string.IsNullOrEmpty(call.SweepId))
                throw Missing("sweep_id");
            await WriteAsync(http, await handle(Queue(store), call, http.RequestAborted));
        });

    private static ITrialQueue Queue(ITrackingStore store) =>
        store is ITrialQueueProvider provider
            ? provider.TrialQueue
            : throw new TrackingException(ErrorCode.ResourceDoesNotExist, "This server's backend store holds no trial queue (only the SQL stores do).");

    private static async Task<T> ReadAsync<T>(HttpContext http)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(http.Request.Body, TrialQueueWire.Options, http.RequestAborted)
                ?? throw Missing("a JSON body");
        }
        catch (JsonException e)
        {
            throw new TrackingException(ErrorCode.InvalidParameterValue, $"Malformed request body: {e.Message}");
        }
    }

    private static Task WriteAsync<T>(HttpContext http, T value) => http.Response.WriteAsJsonAsync(value, TrialQueueWire.Options, http.RequestAborted);

    private static string Worker(TrialQueueWire.Call call) => string.IsNullOrEmpty(call.WorkerId) ? throw Missing("worker_id") : call.WorkerId;

    private static int Number(TrialQueueWire.Call call) => call.Number is >= 0 ? call.Number.Value : throw Missing("number (>= 0)");

    private static TrackingException Missing(string what) => new(ErrorCode.InvalidParameterValue, $"Missing value for required parameter(s): {what}.");
}
