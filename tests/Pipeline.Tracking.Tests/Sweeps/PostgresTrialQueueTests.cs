using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Stores.Sql;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Tracking.Tests.Sweeps;

/// <summary>The trial queue on PostgreSQL (PIPELINE_TEST_POSTGRES_URI, a fresh database): claims with <c>FOR UPDATE SKIP LOCKED</c>.</summary>
public sealed class PostgresTrialQueueTests(PostgresDatabaseFixture database)
    : TrialQueueContractTests<SqlTrackingStore>, IClassFixture<PostgresDatabaseFixture>, IPostgresTests
{
    protected override SqlTrackingStore OpenStore(TimeProvider clock) =>
        new PostgresTrackingStore(database.Uri ?? "postgresql://unconfigured@127.0.0.1:1/none", ArtifactRoot, clock);
}
