using System.Data.Common;
using System.Reflection;

namespace Pipeline.Tracking.Stores.Sql.Migrations;

/// <summary>
/// Brings a database to the newest schema version. The check-and-migrate runs in one transaction that first takes
/// the dialect's migration lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: pg_advisory_xact_lock), so several processes
/// starting at once migrate exactly once: the others wait, then see the new version and do nothing.
/// </summary>
internal sealed class SchemaMigrator(SqlDialect dialect, IReadOnlyList<ISchemaMigration> migrations)
{
    /// <summary>All migrations of this assembly, ordered by version; gaps or duplicates are a programming error.</summary>
    public static IReadOnlyList<ISchemaMigration> Discover()
    {
        var found = typeof(ISchemaMigration).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ISchemaMigration).IsAssignableFrom(t))
            .Select(t => (ISchemaMigration)Activator.CreateInstance(t, nonPublic: true)!)
            .OrderBy(m => m.Version)
            .ToList();
        for (var i = 0; i < found.Count; i++)
        {
            if (found[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Schema migrations must be numbered 1..N without gaps; found version {found[i].Version} at position {i + 1}.");
            }
        }

        return found;
    }

    /// <summary>The newest version this code knows.</summary>
    public int LatestVersion => migrations.Count == 0 ? 0 : migrations[^1].Version;

    /// <summary>
    /// Applies the missing migrations; <paramref name="seed"/> runs in the same transaction when the database was empty.
    /// Returns the versions applied by this call (empty when another process got there first).
    /// </summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(
        DbConnection connection,
        long now,
        Func<DbConnection, DbTransaction, Task> seed,
        CancellationToken ct)
    {
        await using var transaction = await dialect.BeginWriteAsync(connection, ct).ConfigureAwait(false);
        await dialect.LockForMigrationAsync(connection, transaction, ct).ConfigureAwait(false);
        await Sql.ExecuteAsync(connection, transaction, $"""
            CREATE TABLE IF NOT EXISTS schema_version (
                version INTEGER NOT NULL PRIMARY KEY,
                description VARCHAR(500) NOT NULL,
                applied_time {dialect.BigInt} NOT NULL
            )
            """, ct).ConfigureAwait(false);
        var current = Convert.ToInt32(await Sql.ScalarAsync(connection, transaction,
            "SELECT COALESCE(MAX(version), 0) FROM schema_version", ct).ConfigureAwait(false));
        if (current > LatestVersion)
        {
            throw new TrackingException(ErrorCode.InvalidState,
                $"The {dialect.Name} tracking database is at schema version {current}, newer than this library's {LatestVersion}. Upgrade the library.");
        }

        var applied = new List<int>();
        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            foreach (var statement in migration.Statements(dialect))
            {
                await Sql.ExecuteAsync(connection, transaction, statement, ct).ConfigureAwait(false);
            }

            await Sql.ExecuteAsync(connection, transaction,
                "INSERT INTO schema_version (version, description, applied_time) VALUES (@v, @d, @t)", ct,
                ("v", migration.Version), ("d", migration.Description), ("t", now)).ConfigureAwait(false);
            applied.Add(migration.Version);
        }

        if (current == 0 && applied.Count > 0)
        {
            await seed(connection, transaction).ConfigureAwait(false);
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return applied;
    }
}
