using System.Text.Json;
using Pipeline.Tracking.Sweeps;

namespace Pipeline.Tracking.Stores.Rest;

/// <summary>
/// The trial queue behind our tracking server (<see cref="TrialQueueWire"/>), for workers that only have its URL. Against
/// a server without the extension (MLflow's own answers 404) every call throws <see cref="TrialQueueUnavailableException"/>.
/// </summary>
internal sealed class RestTrialQueue(MlflowHttpClient client) : ITrialQueue
{
    public async Task<SweepQueue> CreateOrJoinAsync(SweepQueueRequest request, CancellationToken ct = default)
    {
        try
        {
            return await CallAsync<SweepQueue>("create-or-join", request, ct);
        }
        catch (TrackingException e) when (e.Code == ErrorCode.ResourceAlreadyExists)
        {
            throw new SweepQueueMismatchException(e.Message);
        }
    }

    public async Task<SweepQueue?> GetSweepAsync(string sweepId, CancellationToken ct = default) =>
        (await CallAsync<TrialQueueWire.Maybe<SweepQueue>>("get", new TrialQueueWire.Call(sweepId), ct)).Value;

    public Task<bool> SetSweepRunAsync(string sweepId, string runId, CancellationToken ct = default) =>
        HeldAsync("set-run", new TrialQueueWire.Call(sweepId, RunId: runId), ct);

    public async Task<ClaimedTrial?> ClaimAsync(string sweepId, string workerId, CancellationToken ct = default) =>
        (await CallAsync<TrialQueueWire.Maybe<ClaimedTrial>>("claim", new TrialQueueWire.Call(sweepId, workerId), ct)).Value;

    public async Task<bool> RecordConfigurationAsync(string sweepId, int number, string workerId, string configuration, CancellationToken ct = default)
    {
        try
        {
            return await HeldAsync("record-configuration", new TrialQueueWire.Call(sweepId, workerId, number, Configuration: configuration), ct);
        }
        catch (TrialQueueUnavailableException)
        {
            // A server from before this call (its queue answered the claim, not this): the worker attaches the configuration
            // with the run, as it did then; only a kill between the two goes unrecorded on such a server.
            return true;
        }
    }

    public Task<bool> AttachAsync(string sweepId, int number, string workerId, string runId, string? configuration, CancellationToken ct = default) =>
        HeldAsync("attach", new TrialQueueWire.Call(sweepId, workerId, number, runId, configuration), ct);

    public Task<bool> HeartbeatAsync(string sweepId, int number, string workerId, CancellationToken ct = default) =>
        HeldAsync("heartbeat", new TrialQueueWire.Call(sweepId, workerId, number), ct);

    public Task<bool> FinishAsync(string sweepId, int number, string workerId, TrialState state, string? error, CancellationToken ct = default) =>
        HeldAsync("finish", new TrialQueueWire.Call(sweepId, workerId, number, State: state, Error: error), ct);

    public async Task<IReadOnlyList<ReapedTrial>> ReapAsync(string sweepId, TimeSpan staleAfter, CancellationToken ct = default) =>
        await CallAsync<List<ReapedTrial>>("reap", new TrialQueueWire.Call(sweepId, StaleAfterMs: (long)staleAfter.TotalMilliseconds), ct);

    public Task<TrialCounts> CountAsync(string sweepId, CancellationToken ct = default) =>
        CallAsync<TrialCounts>("count", new TrialQueueWire.Call(sweepId), ct);

    public async Task<IReadOnlyList<QueuedTrial>> ListAsync(string sweepId, CancellationToken ct = default) =>
        await CallAsync<List<QueuedTrial>>("list", new TrialQueueWire.Call(sweepId), ct);

    private async Task<bool> HeldAsync(string operation, TrialQueueWire.Call call, CancellationToken ct) =>
        (await CallAsync<TrialQueueWire.Held>(operation, call, ct)).Value;

    private async Task<T> CallAsync<T>(string operation, object body, CancellationToken ct)
    {
        JsonDocument answer;
        // The client writes the enclosing object; the body's properties go inside it.
        var properties = JsonSerializer.SerializeToElement(body, body.GetType(), TrialQueueWire.Options);
        try
        {
            answer = await client.SendAsync(HttpMethod.Post, TrialQueueWire.Prefix + operation, w =>
            {
                foreach (var property in properties.EnumerateObject())
                    property.WriteTo(w);
            }, null, ct).ConfigureAwait(false);
        }
        catch (TrackingException e) when (e.Code == ErrorCode.ResourceDoesNotExist && e.Message.Contains("pipeline/sweeps", StringComparison.Ordinal) || IsNotFound(e))
        {
            throw new TrialQueueUnavailableException(
                $"the tracking server at {client.BaseUri} has no trial queue (no /api/2.0/pipeline/ extension: an MLflow server, or an older pipeline server).");
        }

        using (answer)
        {
            if (answer.RootElement.ValueKind == JsonValueKind.Object && answer.RootElement.TryGetProperty("error_code", out _))
                throw new TrackingException(ErrorCode.InternalError, answer.RootElement.GetRawText());
            return answer.RootElement.Deserialize<T>(TrialQueueWire.Options)
                ?? throw new TrackingException(ErrorCode.InternalError, $"The tracking server answered null to {operation}.");
        }
    }

    // MLflow's server answers an unknown path with a plain 404 page (no MLflow error body): the client reports the status.
    private static bool IsNotFound(TrackingException e) => e.Message.Contains("status 404", StringComparison.Ordinal);
}
