using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Stores.Sql;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Tracking.Tests.Registry;

/// <summary>The registry contract against SQLite: a fresh database file per test.</summary>
public sealed class SqliteModelRegistryTests : ModelRegistryContractTests<SqlTrackingStore>
{
    private readonly TempDirectory _dir = new();

    protected override IModelRegistry RegistryOf(SqlTrackingStore store) => new SqlModelRegistry(store);

    protected override SqlTrackingStore OpenStore(TimeProvider clock) => new SqliteTrackingStore(_dir.File("mlruns.db"), ArtifactRoot, clock);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _dir.Dispose();
    }
}
