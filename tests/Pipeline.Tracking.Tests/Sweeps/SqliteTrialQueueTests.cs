using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Stores.Sql;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Tracking.Tests.Sweeps;

/// <summary>The trial queue on one SQLite file shared by every claimer (claims under <c>BEGIN IMMEDIATE</c>).</summary>
public sealed class SqliteTrialQueueTests : TrialQueueContractTests<SqlTrackingStore>, IDisposable
{
    private readonly TempDirectory _dir = new();

    protected override SqlTrackingStore OpenStore(TimeProvider clock) => new SqliteTrackingStore(_dir.File("mlruns.db"), ArtifactRoot, clock);

    public void Dispose() => _dir.Dispose();
}
