using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Pipeline.Tracking.Stores.Sql;

/// <summary>Shared plumbing of the SQLite paths that use the connection's native handle directly.</summary>
internal static class SqliteNative
{
    public static sqlite3 HandleOf(SqliteConnection connection) =>
        connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");

    /// <summary>Throws Microsoft.Data.Sqlite's own exception (error code and SQLite's message) for a failed call.</summary>
    public static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }
}
