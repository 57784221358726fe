using System.Data.Common;
using System.Text;
using Pipeline.Tracking.Entities;

namespace Pipeline.Tracking.Stores.Sql;

public abstract partial class SqlTrackingStore
{
    // Rows per multi-row INSERT on PostgreSQL (SQLite has its own writer: SqliteMetricHistoryWriter). 25 rows
    // (126 parameters) was the measured sweet spot when both databases used this path.
    private const int MetricRowsPerInsert = 25;

    // MLflow's latest_metrics rule: a value replaces the stored one when (step, timestamp, value) is strictly greater.

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
    public async Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string metricKey, CancellationToken ct = default) =>
        (await GetMetricHistoryPageAsync(runId, metricKey, null, null, ct).ConfigureAwait(false)).Items;

    /// <inheritdoc />
    public async Task<PagedList<Metric>> GetMetricHistoryPageAsync(string runId, string metricKey, int? maxResults, string? pageToken,
        CancellationToken ct = default)
    {
        if (maxResults is { } max)
        {
            TrackingValidation.ValidateMaxResults(max);
        }

        var offset = SearchPageToken.ParseOffset(pageToken);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await GetRunStateAsync(connection, null, runId, ct).ConfigureAwait(false);
        var history = new List<Metric>();
        // One more than asked tells whether another page follows.
        var limit = maxResults is { } pageSize ? pageSize + 1L : long.MaxValue;
        await ForEachRowAsync(connection, null, """
            SELECT key, value, timestamp, step, is_nan FROM metrics WHERE run_uuid = @run AND key = @key
            ORDER BY timestamp, step, value LIMIT @limit OFFSET @offset
            """, [("run", runId), ("key", metricKey), ("limit", limit), ("offset", offset)],
            r => history.Add(ReadMetric(r, 0)), ct).ConfigureAwait(false);
        if (maxResults is not { } size || history.Count <= size)
        {
            return new PagedList<Metric>(history, null);
        }

        return new PagedList<Metric>(history.GetRange(0, size), SearchPageToken.Create(offset + size));
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

    private async Task LogMetricsAsync(DbConnection connection, DbTransaction transaction, string runId, IReadOnlyList<Metric> metrics, CancellationToken ct)
    {
        if (metrics.Count == 0)
        {
            return;
        }

        await InsertMetricHistoryAsync(connection, transaction, runId, metrics, ct).ConfigureAwait(false);

        // Only the greatest value per key can end up in latest_metrics, so one upsert per key is enough.
        await using var latest = Sql.Command(connection, transaction, UpsertLatestMetricSql,
            ("key", ""), ("value", 0.0), ("ts", 0L), ("step", 0L), ("nan", false), ("run", runId));
        foreach (var metric in LatestPerKey(metrics))
        {
            var isNan = double.IsNaN(metric.Value);
            latest.Parameters[0].Value = metric.Key;
            latest.Parameters[1].Value = isNan ? 0.0 : metric.Value;
            latest.Parameters[2].Value = metric.Timestamp;
            latest.Parameters[3].Value = metric.Step;
            latest.Parameters[4].Value = isNan;
            await latest.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Multi-row INSERTs: one statement per 25 metrics instead of one each. SQLite overrides it with its native writer.</summary>
    private protected virtual async Task InsertMetricHistoryAsync(DbConnection connection, DbTransaction transaction, string runId, IReadOnlyList<Metric> metrics, CancellationToken ct)
    {
        DbCommand? full = null;
        try
        {
            foreach (var chunk in metrics.Chunk(MetricRowsPerInsert))
            {
                if (chunk.Length == MetricRowsPerInsert)
                {
                    full ??= MetricHistoryCommand(connection, transaction, runId, MetricRowsPerInsert);
                    await InsertMetricRowsAsync(full, chunk, ct).ConfigureAwait(false);
                }
                else
                {
                    await using var partial = MetricHistoryCommand(connection, transaction, runId, chunk.Length);
                    await InsertMetricRowsAsync(partial, chunk, ct).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Per key, the metric the row-by-row upsert would have kept: the first one with the greatest (step, timestamp,
    /// stored value), where a NaN is stored as 0 as in the table.
    /// </summary>
    private static IEnumerable<Metric> LatestPerKey(IReadOnlyList<Metric> metrics)
    {
        var latest = new Dictionary<string, Metric>(StringComparer.Ordinal);
        foreach (var metric in metrics)
        {
            if (!latest.TryGetValue(metric.Key, out var current) || IsGreater(metric, current))
            {
                latest[metric.Key] = metric;
            }
        }

        return latest.Values;

        static bool IsGreater(Metric a, Metric b) =>
            a.Step != b.Step ? a.Step > b.Step
            : a.Timestamp != b.Timestamp ? a.Timestamp > b.Timestamp
            : Stored(a.Value) > Stored(b.Value);

        static double Stored(double value) => double.IsNaN(value) ? 0.0 : value;
    }

    private static async Task InsertMetricRowsAsync(DbCommand command, Metric[] rows, CancellationToken ct)
    {
        var parameters = command.Parameters;
        for (var i = 0; i < rows.Length; i++)
        {
            var metric = rows[i];
            var isNan = double.IsNaN(metric.Value);
            parameters[1 + i * 5].Value = metric.Key;
            parameters[2 + i * 5].Value = isNan ? 0.0 : metric.Value;
            parameters[3 + i * 5].Value = metric.Timestamp;
            parameters[4 + i * 5].Value = metric.Step;
            parameters[5 + i * 5].Value = isNan;
        }

        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>An INSERT of <paramref name="rows"/> metric rows; parameter 0 is the run, then five per row.</summary>
    private static DbCommand MetricHistoryCommand(DbConnection connection, DbTransaction transaction, string runId, int rows)
    {
        var text = new StringBuilder("INSERT INTO metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES ");
        // Names carry the '@' so that Microsoft.Data.Sqlite finds each with one lookup instead of trying its prefixes.
        var command = Sql.Command(connection, transaction, "", ("@run", runId));
        for (var i = 0; i < rows; i++)
        {
            text.Append(i == 0 ? "" : ", ").Append($"(@k{i}, @v{i}, @t{i}, @s{i}, @n{i}, @run)");
            Sql.Add(command, $"@k{i}", "");
            Sql.Add(command, $"@v{i}", 0.0);
            Sql.Add(command, $"@t{i}", 0L);
            Sql.Add(command, $"@s{i}", 0L);
            Sql.Add(command, $"@n{i}", false);
        }

        command.CommandText = text.Append(" ON CONFLICT (run_uuid, key, step, timestamp, value, is_nan) DO NOTHING").ToString();
        return command;
    }
}
