using System.Data;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Pipeline.Tracking.Stores.Sql;

/// <summary>
/// SQLite: BEGIN IMMEDIATE for writes (serialised by the file lock, waited on via busy_timeout; within this process first by
/// <see cref="_writer"/>), GLOB for case-sensitive LIKE.
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    // SQLite's busy handler waits for another connection's write lock by sleeping 1, 2, 5, 10, 15, 20, 25 ... ms and trying
    // again, however short the holder's transaction. Two sweep trials of one process writing metrics at once spent about
    // 0.7 s of a 1.6 s sweep asleep that way (strace). Writers of this process therefore queue here instead, and are woken
    // the moment the previous one's connection closes; the busy handler is left to wait for other processes only.
    // The gate only saves sleeping: a writer that waited WriterGateTimeout for it (the holder itself waiting for another
    // process, say) goes on to SQLite's own locking as before, so the gate can never be what deadlocks or fails a write.
    private static readonly TimeSpan WriterGateTimeout = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _writer = new(1, 1);
    private DbConnection? _holder;

    public override string Name => "sqlite";

    public override string IdentityPrimaryKey => "INTEGER PRIMARY KEY AUTOINCREMENT";

    // SQLite's integer type is always 64-bit; INTEGER keeps rowid aliasing where it matters.
    public override string BigInt => "INTEGER";

    public override string Double => "REAL";

    public override string Boolean => "INTEGER";

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct)
    {
        // A connection that already holds the gate (a second transaction before it closes) goes on.
        if (!ReferenceEquals(Volatile.Read(ref _holder), connection) && await _writer.WaitAsync(WriterGateTimeout, ct).ConfigureAwait(false))
        {
            Volatile.Write(ref _holder, connection);
            connection.StateChange += ReleaseWhenClosed;
        }

        try
        {
            return ((SqliteConnection)connection).BeginTransaction(deferred: false);
        }
        catch
        {
            Release(connection);
            throw;
        }
    }

    // The gate is held until the connection closes (every store call disposes its connection), not just until the commit: a
    // call may write twice on one connection.
    private void ReleaseWhenClosed(object? sender, StateChangeEventArgs e)
    {
        if (e.CurrentState == ConnectionState.Closed && sender is DbConnection connection)
            Release(connection);
    }

    private void Release(DbConnection connection)
    {
        connection.StateChange -= ReleaseWhenClosed;
        if (ReferenceEquals(Interlocked.CompareExchange(ref _holder, null, connection), connection))
            _writer.Release();
    }

    // BEGIN IMMEDIATE already holds the database's single write lock.
    public override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        Task.CompletedTask;

    // SQLite's LIKE ignores ASCII case and PRAGMA case_sensitive_like is connection-wide state that a pooled
    // connection would carry to the next user, so case-sensitive matching is done with GLOB on a translated pattern.
    public override string CaseSensitiveLike(string column, string parameter) => $"{column} GLOB {parameter}";

    public override string LikePatternValue(string likePattern)
    {
        var glob = new StringBuilder(likePattern.Length + 8);
        foreach (var c in likePattern)
        {
            glob.Append(c switch
            {
                '%' => "*",
                '_' => "?",
                '*' => "[*]",
                '?' => "[?]",
                '[' => "[[]",
                _ => c.ToString(),
            });
        }

        return glob.ToString();
    }

    public override string CaseInsensitiveLike(string column, string parameter) => $"LOWER({column}) LIKE LOWER({parameter})";

    // json_each turns one JSON array into rows; SQLite then probes the run_uuid index once per id.
    public override string InIdSet(string column, string parameter) => $"{column} IN (SELECT value FROM json_each({parameter}))";

    public override object IdSetValue(IReadOnlyCollection<string> ids) => JsonSerializer.Serialize(ids);

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19 };
}
