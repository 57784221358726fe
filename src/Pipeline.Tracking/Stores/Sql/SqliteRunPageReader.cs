using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Pipeline.Tracking.Entities;
using SQLitePCL;
using static Pipeline.Tracking.Stores.Sql.SqliteNative;

namespace Pipeline.Tracking.Stores.Sql;

/// <summary>
/// Reads a page of runs on SQLite through the connection's native handle, in the connection's current transaction.
/// A 1,000-run page is about 14,000 rows; through Microsoft.Data.Sqlite's reader each column is a type check plus a
/// read plus a fresh string, which cost several times what SQLite spends finding the rows. Here columns are read by
/// their known type (the queries coalesce all but end_time, so NULL is tested once a run) and run ids, keys and short
/// values are decoded once per distinct value (<see cref="Utf8StringPool"/>).
/// Same queries and columns as the generic reader in <c>SqlTrackingStore.Reading.cs</c>.
/// </summary>
internal static class SqliteRunPageReader
{
    // Values longer than this are decoded directly: they are rarely repeated and copying them to the pool costs more.
    private const int PooledValueBytes = 64;

    public static void Read(SqliteConnection connection, RunPageQueries queries, string idSet, RunPageBuilder page, CancellationToken ct)
    {
        var db = HandleOf(connection);
        var strings = new Utf8StringPool();
        var experimentIds = new Dictionary<long, string>();

        ForEachRow(db, queries.Runs, idSet, ct, row =>
        {
            MlflowNames.TryParseRunStatus(strings.Get(Text(row, 4)), out var status);
            var experimentId = raw.sqlite3_column_int64(row, 1);
            if (!experimentIds.TryGetValue(experimentId, out var experiment))
            {
                experimentIds[experimentId] = experiment = experimentId.ToString(CultureInfo.InvariantCulture);
            }

            page.AddInfo(new RunInfo(strings.Get(Text(row, 0)), experiment, Encoding.UTF8.GetString(Text(row, 2)), Value(strings, row, 3),
                status, raw.sqlite3_column_int64(row, 5), IsNull(row, 6) ? null : raw.sqlite3_column_int64(row, 6),
                Encoding.UTF8.GetString(Text(row, 7)), MlflowNames.ParseLifecycleStage(strings.Get(Text(row, 8)))));
        });
        ForEachRow(db, queries.Tags, idSet, ct, row =>
            page.AddTag(strings.Get(Text(row, 0)), new RunTag(strings.Get(Text(row, 1)), Value(strings, row, 2))));
        ForEachRow(db, queries.Params, idSet, ct, row =>
            page.AddParam(strings.Get(Text(row, 0)), new Param(strings.Get(Text(row, 1)), Value(strings, row, 2))));
        ForEachRow(db, queries.LatestMetrics, idSet, ct, row =>
            page.AddMetric(strings.Get(Text(row, 0)), new Metric(strings.Get(Text(row, 1)),
                raw.sqlite3_column_int64(row, 5) != 0 ? double.NaN : raw.sqlite3_column_double(row, 2),
                raw.sqlite3_column_int64(row, 3), raw.sqlite3_column_int64(row, 4))));
    }

    private static void ForEachRow(sqlite3 db, string sql, string idSet, CancellationToken ct, Action<sqlite3_stmt> onRow)
    {
        ct.ThrowIfCancellationRequested();
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            // The queries have one parameter, the id set, so it is number 1 whatever its name.
            Check(db, raw.sqlite3_bind_text(statement, 1, idSet));
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                onRow(statement);
            }

            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, db);
            }
        }
    }

    // A TEXT value's bytes as stored (the database is UTF-8), valid until the next step.
    private static ReadOnlySpan<byte> Text(sqlite3_stmt row, int column) => raw.sqlite3_column_blob(row, column);

    private static bool IsNull(sqlite3_stmt row, int column) => raw.sqlite3_column_type(row, column) == raw.SQLITE_NULL;

    private static string Value(Utf8StringPool strings, sqlite3_stmt row, int column)
    {
        var utf8 = Text(row, column);
        return utf8.Length <= PooledValueBytes ? strings.Get(utf8) : Encoding.UTF8.GetString(utf8);
    }
}
