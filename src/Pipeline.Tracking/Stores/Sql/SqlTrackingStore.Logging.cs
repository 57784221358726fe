using System.Data.Common;
using System.Text;
using Pipeline.Tracking.Entities;

namespace Pipeline.Tracking.Stores.Sql;

public abstract partial class SqlTrackingStore
{
    // MLflow's latest_metrics rule: a value replaces the stored one when (step, timestamp, value) is strictly greater.
    private const string InsertMetricSql = """
        INSERT INTO metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES (@key, @value, @ts, @step, @nan, @run)
        ON CONFLICT (key, timestamp, step, run_uuid, value, is_nan) DO NOTHING
        """;

    private const string UpsertLatestMetricSql = """
        INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES (@key, @value, @ts, @step, @nan, @run)
        ON CONFLICT (key, run_uuid) DO UPDATE
        SET value = excluded.value, timestamp = excluded.timestamp, step = excluded.step, is_nan = excluded.is_nan
        WHERE (excluded.step, excluded.timestamp, excluded.value) > (latest_metrics.step, latest_metrics.timestamp, latest_metrics.value)
        """;

    /// <summary>Logs metrics, params and tags in one transaction: all of them or, on any error, none.</summary>
    public async Task LogBatchAsync(string runId, IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<RunTag> tags, CancellationToken ct = default)
    {
        TrackingValidation.ValidateBatch(metrics, parameters, tags);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        await EnsureRunActiveAsync(connection, transaction, runId, ct).ConfigureAwait(false);
        await LogParamsAsync(connection, transaction, runId, parameters, ct).ConfigureAwait(false);
        await LogMetricsAsync(connection, transaction, runId, metrics, ct).ConfigureAwait(false);
        foreach (var tag in tags)
        {
            await UpsertTagAsync(connection, transaction, runId, tag, ct).ConfigureAwait(false);
            if (tag.Key == SystemTags.RunName)
            {
                await Sql.ExecuteAsync(connection, transaction, "UPDATE runs SET name = @name WHERE run_uuid = @run", ct,
                    ("name", tag.Value), ("run", runId)).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task DeleteTagAsync(string runId, string key, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        await EnsureRunActiveAsync(connection, transaction, runId, ct).ConfigureAwait(false);
        var deleted = await Sql.ExecuteAsync(connection, transaction, "DELETE FROM tags WHERE run_uuid = @run AND key = @key", ct,
            ("run", runId), ("key", key)).ConfigureAwait(false);
        if (deleted == 0)
        {
            throw new TrackingException(ErrorCode.ResourceDoesNotExist, $"No tag with name: {key} in run with id {runId}");
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string metricKey, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await GetRunStateAsync(connection, null, runId, ct).ConfigureAwait(false);
        var history = new List<Metric>();
        await ForEachRowAsync(connection, null, """
            SELECT key, value, timestamp, step, is_nan FROM metrics WHERE run_uuid = @run AND key = @key ORDER BY step, timestamp, value
            """, [("run", runId), ("key", metricKey)], r => history.Add(ReadMetric(r, 0)), ct).ConfigureAwait(false);
        return history;
    }

    private static async Task LogParamsAsync(DbConnection connection, DbTransaction transaction, string runId, IReadOnlyList<Param> parameters, CancellationToken ct)
    {
        var conflicts = new List<(Param New, string Old)>();
        foreach (var param in parameters)
        {
            var inserted = await Sql.ExecuteAsync(connection, transaction,
                "INSERT INTO params (key, value, run_uuid) VALUES (@key, @value, @run) ON CONFLICT (key, run_uuid) DO NOTHING", ct,
                ("key", param.Key), ("value", param.Value), ("run", runId)).ConfigureAwait(false);
            if (inserted == 0)
            {
                var old = (string?)await Sql.ScalarAsync(connection, transaction, "SELECT value FROM params WHERE run_uuid = @run AND key = @key", ct,
                    ("run", runId), ("key", param.Key)).ConfigureAwait(false);
                if (old != param.Value)
                {
                    conflicts.Add((param, old ?? ""));
                }
            }
        }

        if (conflicts.Count > 0)
        {
            // The shape of MLflow's message, which prints the conflicts as a Python list of dicts.
            var listed = new StringBuilder("[");
            listed.AppendJoin(", ", conflicts.Select(c => $"{{'key': '{c.New.Key}', 'old_value': '{c.Old}', 'new_value': '{c.New.Value}'}}"));
            listed.Append(']');
            throw TrackingValidation.Invalid($"Changing param values is not allowed. Params were already logged='{listed}' for run ID='{runId}'.");
        }
    }

    private static async Task LogMetricsAsync(DbConnection connection, DbTransaction transaction, string runId, IReadOnlyList<Metric> metrics, CancellationToken ct)
    {
        if (metrics.Count == 0)
        {
            return;
        }

        await using var history = MetricCommand(connection, transaction, InsertMetricSql, runId);
        await using var latest = MetricCommand(connection, transaction, UpsertLatestMetricSql, runId);
        foreach (var metric in metrics)
        {
            foreach (var command in new[] { history, latest })
            {
                var isNan = double.IsNaN(metric.Value);
                command.Parameters["key"].Value = metric.Key;
                command.Parameters["value"].Value = isNan ? 0.0 : metric.Value;
                command.Parameters["ts"].Value = metric.Timestamp;
                command.Parameters["step"].Value = metric.Step;
                command.Parameters["nan"].Value = isNan;
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
        }
    }

    private static DbCommand MetricCommand(DbConnection connection, DbTransaction transaction, string sql, string runId)
    {
        var command = Sql.Command(connection, transaction, sql,
            ("key", ""), ("value", 0.0), ("ts", 0L), ("step", 0L), ("nan", false), ("run", runId));
        return command;
    }
}
