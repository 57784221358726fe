using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Stores.Sql;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Tracking.Tests.Stores;

/// <summary>The store contract against SQLite: a fresh database file per test.</summary>
public sealed class SqliteTrackingStoreTests : SqlTrackingStoreContractTests
{
    private readonly TempDirectory _dir = new();

    protected override SqlTrackingStore OpenStore(TimeProvider clock, IRunNameGenerator names) =>
        new SqliteTrackingStore(_dir.File("mlruns.db"), ArtifactRoot, clock, names);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Initialize_NewFile_UsesWalJournal()
    {
        await SqlStore.InitializeAsync();

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_dir.File("mlruns.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }
}
