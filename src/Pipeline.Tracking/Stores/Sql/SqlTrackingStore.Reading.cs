using System.Data.Common;
using System.Globalization;
using Pipeline.Tracking.Entities;

namespace Pipeline.Tracking.Stores.Sql;

public abstract partial class SqlTrackingStore
{
    /// <summary>
    /// The runs with these ids, in the given order (unknown ids are left out), with tags, params, latest metrics and
    /// inputs. Each table is read in one query whose ids are a single bound value (<see cref="SqlDialect.InIdSet"/>):
    /// binding hundreds of named parameters costs more than the reads themselves on SQLite. Rows come ordered by
    /// (run_uuid, key), the primary key order of SQLite's tables, so they need no sort and each run's are in key order.
    /// SQLite reads them through its native handle (<see cref="ReadRunRowsAsync"/>), other databases through ADO.NET.
    /// </summary>
    private async Task<List<Run>> ReadRunsAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<string> runIds, CancellationToken ct)
    {
        if (runIds.Count == 0)
        {
            return [];
        }

        var page = new RunPageBuilder(runIds.Count);
        var idSet = _dialect.IdSetValue(runIds);
        var queries = RunPageQueries.For(_dialect, "@ids");
        await ReadRunRowsAsync(connection, transaction, queries, idSet, page, ct).ConfigureAwait(false);
        await ReadInputsAsync(connection, transaction, [("ids", idSet)], page, ct).ConfigureAwait(false);
        return page.Build(runIds);
    }

    /// <summary>
    /// Reads the page's run, tag, param and latest-metric rows into <paramref name="page"/> through ADO.NET;
    /// <paramref name="idSet"/> is the dialect's <see cref="SqlDialect.IdSetValue"/>. SQLite overrides it with its native reader.
    /// </summary>
    private protected virtual async Task ReadRunRowsAsync(DbConnection connection, DbTransaction? transaction, RunPageQueries queries,
        object idSet, RunPageBuilder page, CancellationToken ct)
    {
        (string, object?)[] binds = [("ids", idSet)];
        await ForEachRowAsync(connection, transaction, queries.Runs, binds, r =>
        {
            MlflowNames.TryParseRunStatus(r.GetString(4), out var status);
            page.AddInfo(new RunInfo(r.GetString(0), r.GetInt64(1).ToString(CultureInfo.InvariantCulture), r.GetString(2), r.GetString(3),
                status, r.GetInt64(5), r.NullableInt64(6), r.GetString(7), MlflowNames.ParseLifecycleStage(r.GetString(8))));
        }, ct).ConfigureAwait(false);
        await ForEachRowAsync(connection, transaction, queries.Tags, binds,
            r => page.AddTag(r.GetString(0), new RunTag(r.GetString(1), r.GetString(2))), ct).ConfigureAwait(false);
        await ForEachRowAsync(connection, transaction, queries.Params, binds,
            r => page.AddParam(r.GetString(0), new Param(r.GetString(1), r.GetString(2))), ct).ConfigureAwait(false);
        await ForEachRowAsync(connection, transaction, queries.LatestMetrics, binds,
            r => page.AddMetric(r.GetString(0), ReadMetric(r, 1)), ct).ConfigureAwait(false);
    }

    private async Task ReadInputsAsync(DbConnection connection, DbTransaction? transaction, (string, object?)[] binds,
        RunPageBuilder page, CancellationToken ct)
    {
        var rows = new List<(string Run, string Input, Dataset Dataset)>();
        await ForEachRowAsync(connection, transaction, $"""
            SELECT i.destination_id, i.input_uuid, d.name, d.digest, d.dataset_source_type, d.dataset_source, d.dataset_schema, d.dataset_profile
            FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id
            WHERE i.source_type = 'DATASET' AND i.destination_type = 'RUN' AND {_dialect.InIdSet("i.destination_id", "@ids")}
            ORDER BY d.name, d.digest
            """, binds, r => rows.Add((r.GetString(0), r.GetString(1), new Dataset(r.GetString(2), r.GetString(3), r.GetString(4),
            r.GetString(5), r.NullableString(6), r.NullableString(7)))), ct).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return;
        }

        var inputTags = new Dictionary<string, List<RunTag>>(StringComparer.Ordinal);
        await ForEachRowAsync(connection, transaction,
            $"SELECT input_uuid, name, value FROM input_tags WHERE {_dialect.InIdSet("input_uuid", "@inputs")} ORDER BY name",
            [("inputs", _dialect.IdSetValue(rows.ConvertAll(r => r.Input)))],
            r => Bucket(inputTags, r.GetString(0)).Add(new RunTag(r.GetString(1), r.GetString(2))), ct).ConfigureAwait(false);

        foreach (var row in rows)
        {
            page.AddInput(row.Run, new DatasetInput(row.Dataset, Get(inputTags, row.Input)));
        }
    }

    private static Metric ReadMetric(DbDataReader r, int first) =>
        new(r.GetString(first), r.GetBoolean(first + 4) ? double.NaN : r.GetDouble(first + 1),
            r.IsDBNull(first + 2) ? 0 : r.GetInt64(first + 2), r.GetInt64(first + 3));

    internal static async Task ForEachRowAsync(DbConnection connection, DbTransaction? transaction, string sql, (string, object?)[] binds,
        Action<DbDataReader> onRow, CancellationToken ct)
    {
        await using var command = Sql.Command(connection, transaction, sql, binds);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            onRow(reader);
        }
    }

    internal static List<T> Bucket<T>(Dictionary<string, List<T>> map, string key)
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
