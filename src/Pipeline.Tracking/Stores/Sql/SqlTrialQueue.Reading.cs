using System.Data.Common;
using Pipeline.Tracking.Sweeps;

namespace Pipeline.Tracking.Stores.Sql;

/// <summary>Reaping stale trials, listing, and the rows a new queue starts with.</summary>
internal sealed partial class SqlTrialQueue
{
    public async Task<IReadOnlyList<ReapedTrial>> ReapAsync(string sweepId, TimeSpan staleAfter, CancellationToken ct = default)
    {
        await using var connection = await store.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await store.Dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        var maxRetries = Convert.ToInt32(await Sql.ScalarAsync(connection, transaction, "SELECT max_retries FROM pipeline_sweeps WHERE sweep_id = @id",
            ct, ("id", sweepId)).ConfigureAwait(false) ?? 0);
        // One statement decides and returns, so of two reapers only the first takes the attempt back: the second's WHERE
        // no longer matches once the row is QUEUED (PostgreSQL re-checks it after waiting for the row lock).
        await using var command = Sql.Command(connection, transaction, """
            UPDATE pipeline_sweep_trials
            SET state = CASE WHEN retries < @max THEN 'QUEUED' ELSE 'FAILED' END,
                retries = CASE WHEN retries < @max THEN retries + 1 ELSE retries END,
                error = @error
            WHERE sweep_id = @id AND state = 'RUNNING' AND heartbeat < @stale
            RETURNING trial_number, worker_id, run_uuid, heartbeat, state, retries
            """, ("max", maxRetries), ("error", "its worker stopped heartbeating"), ("id", sweepId),
            ("stale", store.Now() - (long)staleAfter.TotalMilliseconds));
        var reaped = new List<ReapedTrial>();
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                reaped.Add(new ReapedTrial(Convert.ToInt32(reader.GetValue(0)), reader.NullableString(1) ?? "", reader.NullableString(2),
                    reader.NullableInt64(3) ?? 0, reader.GetString(4) == "QUEUED", Convert.ToInt32(reader.GetValue(5))));
            }
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return reaped.OrderBy(r => r.Number).ToList();
    }

    public async Task<IReadOnlyList<QueuedTrial>> ListAsync(string sweepId, CancellationToken ct = default)
    {
        await using var connection = await store.OpenAsync(ct).ConfigureAwait(false);
        await using var command = Sql.Command(connection, null, """
            SELECT trial_number, state, configuration, worker_id, heartbeat, retries, run_uuid, error
            FROM pipeline_sweep_trials WHERE sweep_id = @id ORDER BY trial_number
            """, ("id", sweepId));
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var trials = new List<QueuedTrial>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            trials.Add(new QueuedTrial(Convert.ToInt32(reader.GetValue(0)), TrialStates.Parse(reader.GetString(1)), reader.NullableString(2),
                reader.NullableString(3), reader.NullableInt64(4), Convert.ToInt32(reader.GetValue(5)), reader.NullableString(6), reader.NullableString(7)));
        }

        return trials;
    }

    public async Task<TrialCounts> CountAsync(string sweepId, CancellationToken ct = default)
    {
        await using var connection = await store.OpenAsync(ct).ConfigureAwait(false);
        await using var command = Sql.Command(connection, null,
            "SELECT state, COUNT(*), COUNT(DISTINCT worker_id) FROM pipeline_sweep_trials WHERE sweep_id = @id GROUP BY state", ("id", sweepId));
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var counts = new Dictionary<TrialState, (int Trials, int Workers)>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            counts[TrialStates.Parse(reader.GetString(0))] = (Convert.ToInt32(reader.GetValue(1)), Convert.ToInt32(reader.GetValue(2)));
        }

        return new TrialCounts(counts.GetValueOrDefault(TrialState.Queued).Trials, counts.GetValueOrDefault(TrialState.Running).Trials,
            counts.GetValueOrDefault(TrialState.Complete).Trials, counts.GetValueOrDefault(TrialState.Failed).Trials,
            counts.GetValueOrDefault(TrialState.Running).Workers);
    }

    private static async Task<SweepQueue?> ReadSweepAsync(DbConnection connection, DbTransaction? transaction, string sweepId, bool created, CancellationToken ct)
    {
        await using var command = Sql.Command(connection, transaction,
            "SELECT experiment_id, run_uuid, trials, max_retries FROM pipeline_sweeps WHERE sweep_id = @id", ("id", sweepId));
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false)
            ? new SweepQueue(sweepId, reader.GetString(0), reader.NullableString(1), Convert.ToInt32(reader.GetValue(2)), Convert.ToInt32(reader.GetValue(3)), created)
            : null;
    }

    private static async Task InsertTrialsAsync(DbConnection connection, DbTransaction transaction, SweepQueueRequest request, CancellationToken ct)
    {
        // One prepared statement reused per row: a 1,000-trial queue is created in one transaction.
        await using var command = Sql.Command(connection, transaction, """
            INSERT INTO pipeline_sweep_trials (sweep_id, trial_number, state, configuration, retries) VALUES (@id, @n, 'QUEUED', @config, 0)
            """, ("id", request.SweepId), ("n", 0), ("config", ""));
        for (var n = 0; n < request.Configurations.Count; n++)
        {
            command.Parameters[1].Value = n;
            command.Parameters[2].Value = (object?)request.Configurations[n] ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }
}
