using System.Data.Common;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Stores.Sql;
using Pipeline.Tracking.Stores.Sql.Migrations;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Tracking.Tests.Stores;

/// <summary>
/// Upgrading a database written at schema version 3: migration 4 rebuilds the metrics table (SQLite) or its primary key
/// (PostgreSQL) and must keep every row, the history order, the NaN flag and duplicate suppression.
/// </summary>
public abstract class SchemaUpgradeTests : IAsyncLifetime
{
    private const string RunId = "0123456789abcdef0123456789abcdef";

    protected abstract SqlTrackingStore OpenStore();

    protected abstract Task<DbConnection> OpenRawAsync();

    /// <summary>Applies migrations 1..3 only, as a library of that version did.</summary>
    protected abstract Task MigrateToVersion3Async(DbConnection connection);

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [StoreFact]
    public async Task Migrate_Version3WithMetrics_KeepsHistoryLatestAndParams()
    {
        await using (var connection = await OpenRawAsync())
        {
            await MigrateToVersion3Async(connection);
            foreach (var sql in new[]
            {
                "INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time) VALUES (1, 'old', '/a/1', 'active', 1, 1)",
                $"INSERT INTO runs (run_uuid, name, user_id, status, start_time, lifecycle_stage, artifact_uri, experiment_id) VALUES ('{RunId}', 'r', 'u', 'RUNNING', 5, 'active', '/a/1/r', 1)",
                $"INSERT INTO metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES ('loss', 0.5, 10, 1, FALSE, '{RunId}'), ('loss', 0.9, 10, 0, FALSE, '{RunId}'), ('loss', 0, 11, 1, TRUE, '{RunId}'), ('acc', 0.7, 10, 0, FALSE, '{RunId}')",
                $"INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES ('loss', 0, 11, 1, TRUE, '{RunId}'), ('acc', 0.7, 10, 0, FALSE, '{RunId}')",
                $"INSERT INTO params (key, value, run_uuid) VALUES ('solver', 'lbfgs', '{RunId}')",
            })
            {
                await Sql.ExecuteAsync(connection, null, sql, CancellationToken.None);
            }
        }

        await using var store = OpenStore();
        await store.InitializeAsync();

        Assert.Equal(store.LatestSchemaVersion, await store.GetSchemaVersionAsync());
        var history = await store.GetMetricHistoryAsync(RunId, "loss");
        Assert.Equal([(0L, 10L, 0.9), (1L, 10L, 0.5)], history.Take(2).Select(m => (m.Step, m.Timestamp, m.Value)));
        Assert.True(double.IsNaN(history[2].Value));
        await store.LogBatchAsync(RunId, [new Metric("loss", 0.5, 10, 1), new Metric("loss", 0.25, 12, 2)], [], []);
        Assert.Equal(4, (await store.GetMetricHistoryAsync(RunId, "loss")).Count);
        var found = await store.SearchRunsAsync(new RunQuery(["1"], "metrics.acc > 0.6 and params.solver = 'lbfgs'", OrderBy: ["metrics.loss DESC"]));
        var run = Assert.Single(found.Items);
        Assert.Equal(0.25, run.Data.Metrics.Single(m => m.Key == "loss").Value);
    }
}

/// <summary>The upgrade against a SQLite file.</summary>
public sealed class SqliteSchemaUpgradeTests : SchemaUpgradeTests
{
    private readonly TempDirectory _dir = new();

    protected override SqlTrackingStore OpenStore() => new SqliteTrackingStore(_dir.File("mlruns.db"), "/artifacts");

    protected override async Task<DbConnection> OpenRawAsync()
    {
        var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_dir.File("mlruns.db")};Pooling=false");
        await connection.OpenAsync();
        await Sql.ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;", CancellationToken.None);
        return connection;
    }

    protected override Task MigrateToVersion3Async(DbConnection connection) =>
        new SchemaMigrator(new SqliteDialect(), SchemaMigrator.Discover().Take(3).ToList())
            .MigrateAsync(connection, 1, (_, _) => Task.CompletedTask, CancellationToken.None);

    public override Task DisposeAsync()
    {
        _dir.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The upgrade against a fresh PostgreSQL database (PIPELINE_TEST_POSTGRES_URI).</summary>
public sealed class PostgresSchemaUpgradeTests(PostgresDatabaseFixture database)
    : SchemaUpgradeTests, IClassFixture<PostgresDatabaseFixture>, IPostgresTests
{
    private string Uri => database.Uri ?? "postgresql://unconfigured@127.0.0.1:1/none";

    protected override SqlTrackingStore OpenStore() => new PostgresTrackingStore(Uri, "/artifacts");

    protected override async Task<DbConnection> OpenRawAsync()
    {
        var connection = new Npgsql.NpgsqlConnection(PostgresUri.ToConnectionString(Uri));
        await connection.OpenAsync();
        return connection;
    }

    protected override Task MigrateToVersion3Async(DbConnection connection) =>
        new SchemaMigrator(new PostgresDialect(), SchemaMigrator.Discover().Take(3).ToList())
            .MigrateAsync(connection, 1, (_, _) => Task.CompletedTask, CancellationToken.None);
}
