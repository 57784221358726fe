using Microsoft.Data.Sqlite;
using Pipeline.Tracking.Entities;
using SQLitePCL;
using static Pipeline.Tracking.Stores.Sql.SqliteNative;

namespace Pipeline.Tracking.Stores.Sql;

/// <summary>
/// Inserts metric history rows on SQLite through the connection's native handle, binding by position. Microsoft.Data.Sqlite
/// binds every parameter by name: a UTF-8 copy of the name and a linear search of the statement's names each, which for
/// multi-row INSERTs cost more than the inserts themselves. Statements run in the connection's current transaction.
/// </summary>
internal static class SqliteMetricHistoryWriter
{
    // 100 rows = 501 parameters a statement, far below SQLite's limit (32,766); more rows gain nothing measurable.
    private const int RowsPerStatement = 100;

    /// <summary>Inserts the rows, skipping exact duplicates (ON CONFLICT DO NOTHING) as the generic path does.</summary>
    public static void Insert(SqliteConnection connection, string runId, IReadOnlyList<Metric> metrics)
    {
        var db = SqliteNative.HandleOf(connection);
        sqlite3_stmt? full = null;
        try
        {
            for (var start = 0; start < metrics.Count; start += RowsPerStatement)
            {
                var rows = Math.Min(RowsPerStatement, metrics.Count - start);
                if (rows == RowsPerStatement)
                {
                    full ??= Prepare(db, rows);
                    Execute(db, full, runId, metrics, start, rows);
                }
                else
                {
                    using var partial = Prepare(db, rows);
                    Execute(db, partial, runId, metrics, start, rows);
                }
            }
        }
        finally
        {
            full?.Dispose();
        }
    }

    private static sqlite3_stmt Prepare(sqlite3 db, int rows)
    {
        var text = new System.Text.StringBuilder("INSERT INTO metrics (run_uuid, key, value, timestamp, step, is_nan) VALUES ", 40 + rows * 20);
        for (var i = 0; i < rows; i++)
        {
            text.Append(i == 0 ? "(?1, ?, ?, ?, ?, ?)" : ", (?1, ?, ?, ?, ?, ?)");
        }

        text.Append(" ON CONFLICT (run_uuid, key, step, timestamp, value, is_nan) DO NOTHING");
        Check(db, raw.sqlite3_prepare_v2(db, text.ToString(), out var statement));
        return statement;
    }

    private static void Execute(sqlite3 db, sqlite3_stmt statement, string runId, IReadOnlyList<Metric> metrics, int start, int rows)
    {
        Check(db, raw.sqlite3_bind_text(statement, 1, runId));
        for (var i = 0; i < rows; i++)
        {
            var metric = metrics[start + i];
            var isNan = double.IsNaN(metric.Value);
            // "?" after "?1" numbers on from 2: five parameters per row.
            var p = 2 + i * 5;
            Check(db, raw.sqlite3_bind_text(statement, p, metric.Key));
            Check(db, raw.sqlite3_bind_double(statement, p + 1, isNan ? 0.0 : metric.Value));
            Check(db, raw.sqlite3_bind_int64(statement, p + 2, metric.Timestamp));
            Check(db, raw.sqlite3_bind_int64(statement, p + 3, metric.Step));
            Check(db, raw.sqlite3_bind_int64(statement, p + 4, isNan ? 1 : 0));
        }

        var rc = raw.sqlite3_step(statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }

        raw.sqlite3_reset(statement);
    }
}
