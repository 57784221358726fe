using System.Data.Common;

namespace Pipeline.Tracking.Stores.Sql;

/// <summary>
/// The few places where SQLite and PostgreSQL differ: column types, how a write transaction starts, how
/// concurrent migrations are serialised, and case-sensitive pattern matching. Everything else is shared SQL.
/// </summary>
internal abstract class SqlDialect
{
    /// <summary>Short name used in messages ("sqlite", "postgresql").</summary>
    public abstract string Name { get; }

    /// <summary>Column type of an auto-numbered 64-bit primary key.</summary>
    public abstract string IdentityPrimaryKey { get; }

    public virtual string BigInt => "BIGINT";

    public abstract string Double { get; }

    public abstract string Boolean { get; }

    /// <summary>
    /// Begins a transaction that holds the write lock from its first statement, so a read-check-write
    /// sequence (param immutability, latest metric) never has to upgrade a read lock.
    /// </summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct);

    /// <summary>Called first inside the migration transaction; must make concurrent migrators wait for each other.</summary>
    public abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct);

    /// <summary>A case-sensitive LIKE of <paramref name="column"/> against the parameter <paramref name="parameter"/>.</summary>
    public abstract string CaseSensitiveLike(string column, string parameter);

    /// <summary>Turns a LIKE pattern into the value bound for <see cref="CaseSensitiveLike"/>.</summary>
    public virtual string LikePatternValue(string likePattern) => likePattern;

    /// <summary>A case-insensitive LIKE (MLflow's ILIKE).</summary>
    public abstract string CaseInsensitiveLike(string column, string parameter);

    /// <summary>Appended to a string column in ORDER BY so both databases sort by code point (SQLite's default).</summary>
    public virtual string BinaryCollation => "";

    /// <summary>
    /// A condition true when <paramref name="column"/> is one of the ids bound to <paramref name="parameter"/> as
    /// <see cref="IdSetValue"/>: one bound value for any number of ids, so reading a page of runs neither binds hundreds
    /// of parameters nor meets the databases' parameter limits.
    /// </summary>
    public abstract string InIdSet(string column, string parameter);

    /// <summary>The value to bind for <see cref="InIdSet"/>.</summary>
    public abstract object IdSetValue(IReadOnlyCollection<string> ids);

    /// <summary>
    /// Appended to the subquery that picks a row to claim: PostgreSQL's <c>FOR UPDATE SKIP LOCKED</c>, so concurrent claimers
    /// pass over each other's candidates; empty on SQLite, whose write transaction already excludes every other writer.
    /// </summary>
    public virtual string ForUpdateSkipLocked => "";

    /// <summary>True when <paramref name="exception"/> is a unique-constraint violation.</summary>
    public abstract bool IsUniqueViolation(DbException exception);
}
