using Pipeline.Tracking.Search;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Stores.Sql;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Tracking.Tests.Stores;

/// <summary>The store contract plus what only a SQL store has: a schema, migrated once per database.</summary>
public abstract class SqlTrackingStoreContractTests : TrackingStoreContractTests
{
    protected SqlTrackingStore SqlStore => (SqlTrackingStore)Store;

    /// <summary>A store on this class's database; a second call opens another store on the same database.</summary>
    protected abstract SqlTrackingStore OpenStore(TimeProvider clock, IRunNameGenerator names);

    protected override Task<ITrackingStore> OpenStoreAsync(TimeProvider clock, IRunNameGenerator names) =>
        Task.FromResult<ITrackingStore>(OpenStore(clock, names));

    [StoreFact]
    public async Task Initialize_SecondStoreOnSameDatabase_DoesNotMigrateAgain()
    {
        await SqlStore.InitializeAsync();
        await using var second = OpenStore(Clock, new RandomRunNameGenerator());

        Assert.Equal(second.LatestSchemaVersion, await second.GetSchemaVersionAsync());
        var defaults = await second.SearchExperimentsAsync(new ExperimentQuery(MaxResults: 50000));
        Assert.Single(defaults.Items, e => e.Name == "Default");
    }

    // MLflow's grammar takes IN / NOT IN on run_id only; the SQL stores also take a parsed status list.
    [StoreFact]
    public async Task SearchRuns_ParsedStatusNotIn_LeavesThoseOut()
    {
        var (experiment, _, _, _) = await SearchFixtureAsync();

        Assert.Equal(["alpha", "beta"], await NamesAsync(experiment,
            [new FilterClause(EntityKind.Attribute, "status", Comparator.NotIn, new[] { "FAILED" })]));
    }
}
