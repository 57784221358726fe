using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Stores.Sql;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Tracking.Tests.Stores;

/// <summary>The store contract against PostgreSQL (PIPELINE_TEST_POSTGRES_URI): one fresh database for the class.</summary>
public sealed class PostgresTrackingStoreTests(PostgresDatabaseFixture database)
    : SqlTrackingStoreContractTests, IClassFixture<PostgresDatabaseFixture>, IPostgresTests
{
    protected override SqlTrackingStore OpenStore(TimeProvider clock, IRunNameGenerator names) =>
        new PostgresTrackingStore(database.Uri ?? "postgresql://unconfigured@127.0.0.1:1/none", ArtifactRoot, clock, names);
}
