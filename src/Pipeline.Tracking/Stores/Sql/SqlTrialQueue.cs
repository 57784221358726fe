using System.Data.Common;
using Pipeline.Tracking.Sweeps;

namespace Pipeline.Tracking.Stores.Sql;

/// <summary>
/// The trial queue in the tracking database. Every change is one write transaction (SQLite: <c>BEGIN IMMEDIATE</c>, which
/// takes the database's write lock up front; PostgreSQL: row locks, with the claim's candidate picked
/// <c>FOR UPDATE SKIP LOCKED</c> so concurrent claimers take different trials without waiting on each other). Each
/// change is guarded by the state and worker it expects, so a worker that lost its trial changes nothing.
/// </summary>
internal sealed partial class SqlTrialQueue(SqlTrackingStore store) : ITrialQueue
{
    private const int MaxSweepIdLength = 256;

    public async Task<SweepQueue> CreateOrJoinAsync(SweepQueueRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ValidateSweepId(request.SweepId);
        await using var connection = await store.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await store.Dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        // ON CONFLICT DO NOTHING: a second creator waits for the first one's row lock, then inserts nothing and joins.
        var inserted = await Sql.ExecuteAsync(connection, transaction, """
            INSERT INTO pipeline_sweeps (sweep_id, experiment_id, run_uuid, trials, max_retries, creation_time)
            VALUES (@id, @exp, NULL, @trials, @retries, @now) ON CONFLICT (sweep_id) DO NOTHING
            """, ct, ("id", request.SweepId), ("exp", request.ExperimentId), ("trials", request.Configurations.Count),
            ("retries", request.MaxRetries), ("now", store.Now())).ConfigureAwait(false);
        if (inserted == 1)
        {
            await InsertTrialsAsync(connection, transaction, request, ct).ConfigureAwait(false);
        }

        var sweep = await ReadSweepAsync(connection, transaction, request.SweepId, inserted == 1, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The sweep {request.SweepId} vanished while it was created.");
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        if (sweep.Trials != request.Configurations.Count || sweep.ExperimentId != request.ExperimentId)
        {
            throw new SweepQueueMismatchException(
                $"The sweep {request.SweepId} was created with {sweep.Trials} trials in experiment {sweep.ExperimentId}; this worker declares "
                + $"{request.Configurations.Count} in experiment {request.ExperimentId}. Workers of one sweep must run the same pipeline file on the same data.");
        }

        return sweep;
    }

    public async Task<SweepQueue?> GetSweepAsync(string sweepId, CancellationToken ct = default)
    {
        await using var connection = await store.OpenAsync(ct).ConfigureAwait(false);
        return await ReadSweepAsync(connection, null, sweepId, false, ct).ConfigureAwait(false);
    }

    public async Task<bool> SetSweepRunAsync(string sweepId, string runId, CancellationToken ct = default)
    {
        await using var connection = await store.OpenAsync(ct).ConfigureAwait(false);
        return await Sql.ExecuteAsync(connection, null, "UPDATE pipeline_sweeps SET run_uuid = @run WHERE sweep_id = @id AND run_uuid IS NULL",
            ct, ("run", runId), ("id", sweepId)).ConfigureAwait(false) == 1;
    }

    public async Task<ClaimedTrial?> ClaimAsync(string sweepId, string workerId, CancellationToken ct = default)
    {
        await using var connection = await store.OpenAsync(ct).ConfigureAwait(false);
        // PostgreSQL: the one statement is atomic by itself (its candidate row locked, others' skipped), so it runs without
        // an explicit transaction: one round trip instead of three. SQLite: BEGIN IMMEDIATE takes the write lock first.
        await using var transaction = store.Dialect.ForUpdateSkipLocked.Length > 0 ? null : await store.Dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        await using var command = Sql.Command(connection, transaction, $"""
            UPDATE pipeline_sweep_trials SET state = 'RUNNING', worker_id = @worker, heartbeat = @now, run_uuid = NULL
            WHERE sweep_id = @id AND state = 'QUEUED' AND trial_number = (
                SELECT trial_number FROM pipeline_sweep_trials WHERE sweep_id = @id AND state = 'QUEUED'
                ORDER BY trial_number LIMIT 1{store.Dialect.ForUpdateSkipLocked})
            RETURNING trial_number, configuration, retries
            """, ("worker", workerId), ("now", store.Now()), ("id", sweepId));
        ClaimedTrial? claimed = null;
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                claimed = new ClaimedTrial(Convert.ToInt32(reader.GetValue(0)), reader.NullableString(1), Convert.ToInt32(reader.GetValue(2)));
            }
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }

        return claimed;
    }

    public async Task<bool> RecordConfigurationAsync(string sweepId, int number, string workerId, string configuration, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(configuration);
        return await UpdateHeldAsync("configuration = @config, heartbeat = @now", sweepId, number, workerId, ct, ("config", configuration)).ConfigureAwait(false);
    }

    public async Task<bool> AttachAsync(string sweepId, int number, string workerId, string runId, string? configuration, CancellationToken ct = default) =>
        await UpdateHeldAsync("run_uuid = @run, configuration = COALESCE(@config, configuration), heartbeat = @now", sweepId, number, workerId, ct,
            ("run", runId), ("config", configuration)).ConfigureAwait(false);

    public async Task<bool> HeartbeatAsync(string sweepId, int number, string workerId, CancellationToken ct = default) =>
        await UpdateHeldAsync("heartbeat = @now", sweepId, number, workerId, ct).ConfigureAwait(false);

    public async Task<bool> FinishAsync(string sweepId, int number, string workerId, TrialState state, string? error, CancellationToken ct = default)
    {
        if (state is not (TrialState.Complete or TrialState.Failed))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "A trial finishes COMPLETE or FAILED.");
        }

        return await UpdateHeldAsync("state = @state, error = @error, heartbeat = @now", sweepId, number, workerId, ct,
            ("state", state.ToName()), ("error", error)).ConfigureAwait(false);
    }

    /// <summary>One guarded update of a trial the worker holds: RUNNING and claimed by it.</summary>
    private async Task<bool> UpdateHeldAsync(string set, string sweepId, int number, string workerId, CancellationToken ct, params (string, object?)[] values)
    {
        await using var connection = await store.OpenAsync(ct).ConfigureAwait(false);
        var parameters = values.Concat([("now", (object?)store.Now()), ("id", sweepId), ("n", number), ("worker", workerId)]).ToArray();
        return await Sql.ExecuteAsync(connection, null,
            $"UPDATE pipeline_sweep_trials SET {set} WHERE sweep_id = @id AND trial_number = @n AND state = 'RUNNING' AND worker_id = @worker",
            ct, parameters).ConfigureAwait(false) == 1;
    }

    private static void ValidateSweepId(string sweepId)
    {
        if (string.IsNullOrWhiteSpace(sweepId) || sweepId.Length > MaxSweepIdLength)
        {
            throw new TrackingException(ErrorCode.InvalidParameterValue, $"A sweep id is 1 to {MaxSweepIdLength} characters; got '{sweepId}'.");
        }
    }
}
