using System.Data.Common;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Pipeline.Tracking.Stores.Sql;

/// <summary>SQLite: BEGIN IMMEDIATE for writes (serialised by the file lock, waited on via busy_timeout), GLOB for case-sensitive LIKE.</summary>
internal sealed class SqliteDialect : SqlDialect
{
    public override string Name => "sqlite";

    public override string IdentityPrimaryKey => "INTEGER PRIMARY KEY AUTOINCREMENT";

    // SQLite's integer type is always 64-bit; INTEGER keeps rowid aliasing where it matters.
    public override string BigInt => "INTEGER";

    public override string Double => "REAL";

    public override string Boolean => "INTEGER";

    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

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
