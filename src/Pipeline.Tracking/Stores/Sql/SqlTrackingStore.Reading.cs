using System.Data.Common;
using System.Globalization;
using Pipeline.Tracking.Entities;

namespace Pipeline.Tracking.Stores.Sql;

public abstract partial class SqlTrackingStore
{
    // Stays well under SQLite's and PostgreSQL's bound-parameter limits.
    private const int ReadChunk = 500;

    /// <summary>The runs with these ids, in the given order (unknown ids are left out), with tags, params, latest metrics and inputs.</summary>
    private static async Task<List<Run>> ReadRunsAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<string> runIds, CancellationToken ct)
    {
        var infos = new Dictionary<string, RunInfo>(StringComparer.Ordinal);
        var tags = new Dictionary<string, List<RunTag>>(StringComparer.Ordinal);
        var parameters = new Dictionary<string, List<Param>>(StringComparer.Ordinal);
        var metrics = new Dictionary<string, List<Metric>>(StringComparer.Ordinal);
        var inputs = new Dictionary<string, List<DatasetInput>>(StringComparer.Ordinal);
        foreach (var chunk in runIds.Distinct().Chunk(ReadChunk))
        {
            var (list, binds) = InList("r", chunk);
            await ForEachRowAsync(connection, transaction, $"""
                SELECT run_uuid, experiment_id, name, user_id, status, start_time, end_time, artifact_uri, lifecycle_stage
                FROM runs WHERE run_uuid IN ({list})
                """, binds, r =>
            {
                MlflowNames.TryParseRunStatus(r.GetString(4), out var status);
                infos[r.GetString(0)] = new RunInfo(r.GetString(0), Convert.ToInt64(r.GetValue(1)).ToString(CultureInfo.InvariantCulture),
                    r.NullableString(2) ?? "", r.NullableString(3) ?? "", status, r.NullableInt64(5) ?? 0, r.NullableInt64(6),
                    r.NullableString(7) ?? "", MlflowNames.ParseLifecycleStage(r.GetString(8)));
            }, ct).ConfigureAwait(false);
            await ForEachRowAsync(connection, transaction, $"SELECT run_uuid, key, value FROM tags WHERE run_uuid IN ({list}) ORDER BY key", binds,
                r => Bucket(tags, r.GetString(0)).Add(new RunTag(r.GetString(1), r.NullableString(2) ?? "")), ct).ConfigureAwait(false);
            await ForEachRowAsync(connection, transaction, $"SELECT run_uuid, key, value FROM params WHERE run_uuid IN ({list}) ORDER BY key", binds,
                r => Bucket(parameters, r.GetString(0)).Add(new Param(r.GetString(1), r.GetString(2))), ct).ConfigureAwait(false);
            await ForEachRowAsync(connection, transaction,
                $"SELECT run_uuid, key, value, timestamp, step, is_nan FROM latest_metrics WHERE run_uuid IN ({list}) ORDER BY key", binds,
                r => Bucket(metrics, r.GetString(0)).Add(ReadMetric(r, 1)), ct).ConfigureAwait(false);
            await ReadInputsAsync(connection, transaction, list, binds, inputs, ct).ConfigureAwait(false);
        }

        return runIds.Where(infos.ContainsKey).Select(id => new Run(
                infos[id],
                new RunData(Get(metrics, id), Get(parameters, id), Get(tags, id)),
                Get(inputs, id)))
            .ToList();
    }

    private static async Task ReadInputsAsync(DbConnection connection, DbTransaction? transaction, string list, (string, object?)[] binds,
        Dictionary<string, List<DatasetInput>> inputs, CancellationToken ct)
    {
        var rows = new List<(string Run, string Input, Dataset Dataset)>();
        await ForEachRowAsync(connection, transaction, $"""
            SELECT i.destination_id, i.input_uuid, d.name, d.digest, d.dataset_source_type, d.dataset_source, d.dataset_schema, d.dataset_profile
            FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id
            WHERE i.source_type = 'DATASET' AND i.destination_type = 'RUN' AND i.destination_id IN ({list})
            ORDER BY d.name, d.digest
            """, binds, r => rows.Add((r.GetString(0), r.GetString(1), new Dataset(r.GetString(2), r.GetString(3), r.GetString(4),
            r.GetString(5), r.NullableString(6), r.NullableString(7)))), ct).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return;
        }

        var inputTags = new Dictionary<string, List<RunTag>>(StringComparer.Ordinal);
        foreach (var chunk in rows.Select(r => r.Input).Chunk(ReadChunk))
        {
            var (inputList, inputBinds) = InList("i", chunk);
            await ForEachRowAsync(connection, transaction, $"SELECT input_uuid, name, value FROM input_tags WHERE input_uuid IN ({inputList}) ORDER BY name",
                inputBinds, r => Bucket(inputTags, r.GetString(0)).Add(new RunTag(r.GetString(1), r.GetString(2))), ct).ConfigureAwait(false);
        }

        foreach (var row in rows)
        {
            Bucket(inputs, row.Run).Add(new DatasetInput(row.Dataset, Get(inputTags, row.Input)));
        }
    }

    private static Metric ReadMetric(DbDataReader r, int first) =>
        new(r.GetString(first), r.GetBoolean(first + 4) ? double.NaN : r.GetDouble(first + 1),
            r.NullableInt64(first + 2) ?? 0, Convert.ToInt64(r.GetValue(first + 3)));

    /// <summary>"@p0, @p1, ..." and the matching bindings.</summary>
    private static (string List, (string, object?)[] Binds) InList<T>(string prefix, IReadOnlyList<T> values) =>
        (string.Join(", ", values.Select((_, i) => $"@{prefix}{i}")), values.Select((v, i) => ($"{prefix}{i}", (object?)v)).ToArray());

    private static async Task ForEachRowAsync(DbConnection connection, DbTransaction? transaction, string sql, (string, object?)[] binds,
        Action<DbDataReader> onRow, CancellationToken ct)
    {
        await using var command = Sql.Command(connection, transaction, sql, binds);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            onRow(reader);
        }
    }

    private static List<T> Bucket<T>(Dictionary<string, List<T>> map, string key)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        return list;
    }

    private static IReadOnlyList<T> Get<T>(Dictionary<string, List<T>> map, string key) =>
        map.TryGetValue(key, out var list) ? list : [];
}
