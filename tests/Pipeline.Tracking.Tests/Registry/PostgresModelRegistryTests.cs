using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Stores.Sql;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Tracking.Tests.Registry;

/// <summary>The registry contract against PostgreSQL (PIPELINE_TEST_POSTGRES_URI): one fresh database for the class.</summary>
public sealed class PostgresModelRegistryTests(PostgresDatabaseFixture database)
    : ModelRegistryContractTests<SqlTrackingStore>, IClassFixture<PostgresDatabaseFixture>, IPostgresTests
{
    protected override IModelRegistry RegistryOf(SqlTrackingStore store) => new SqlModelRegistry(store);

    protected override SqlTrackingStore OpenStore(TimeProvider clock) =>
        new PostgresTrackingStore(database.Uri ?? "postgresql://unconfigured@127.0.0.1:1/none", ArtifactRoot, clock);
}
