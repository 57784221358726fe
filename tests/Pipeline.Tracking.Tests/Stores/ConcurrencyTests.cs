using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Stores.Sql;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Tracking.Tests.Stores;

/// <summary>Several OS processes writing to one store at once: nothing fails with "database is locked", no row is lost.</summary>
public abstract class ConcurrencyTests
{
    protected const int Workers = 8;
    protected const int MetricsPerWorker = 1000;

    protected abstract string StoreUri { get; }

    protected string ArtifactRoot { get; } = Path.Combine(Path.GetTempPath(), "pipeline-artifacts");

    protected async Task EightProcessesLoggingMetrics_LoseNothing()
    {
        string runId;
        await using (var setup = Pipeline.Tracking.Composition.TrackingComposition.ForProcess().Open(StoreUri, ArtifactRoot))
        {
            runId = (await setup.Store.CreateRunAsync("0", "load", 1, [], "load-test")).Info.RunId;
        }

        var startAt = DateTimeOffset.UtcNow.AddSeconds(4).ToUnixTimeMilliseconds().ToString();
        var results = await LoadWorker.RunAllAsync(Enumerable.Range(0, Workers).Select(w =>
            new[] { "metrics", StoreUri, ArtifactRoot, startAt, runId, w.ToString(), MetricsPerWorker.ToString() }));

        foreach (var result in results)
        {
            Assert.True(result.ExitCode == 0, $"worker failed ({result.ExitCode}): {result.Error}");
            Assert.DoesNotContain("locked", result.Error, StringComparison.OrdinalIgnoreCase);
        }

        await using var store = Pipeline.Tracking.Composition.TrackingComposition.ForProcess().Open(StoreUri, ArtifactRoot).Store;
        var history = await store.GetMetricHistoryAsync(runId, "load");
        Assert.Equal(Workers * MetricsPerWorker, history.Count);
        // History comes in time order, and the workers' writes interleave in time: compare the steps as a set.
        Assert.Equal(Enumerable.Range(0, Workers * MetricsPerWorker).Select(i => (long)i), history.Select(m => m.Step).Order());
        var latest = Assert.Single((await store.GetRunAsync(runId)).Data.Metrics);
        Assert.Equal(Workers * MetricsPerWorker - 1, latest.Step);
    }

    protected async Task ProcessesMigratingAtOnce_MigrateOnce()
    {
        var startAt = DateTimeOffset.UtcNow.AddSeconds(4).ToUnixTimeMilliseconds().ToString();
        var results = await LoadWorker.RunAllAsync(Enumerable.Range(0, 6).Select(_ => new[] { "migrate", StoreUri, ArtifactRoot, startAt }));

        await using var store = (SqlTrackingStore)Pipeline.Tracking.Composition.TrackingComposition.ForProcess().Open(StoreUri, ArtifactRoot).Store;
        foreach (var result in results)
        {
            Assert.True(result.ExitCode == 0, $"worker failed ({result.ExitCode}): {result.Error}");
            Assert.Equal($"schema {store.LatestSchemaVersion}", result.Output.Trim());
        }

        var experiments = await store.SearchExperimentsAsync(new ExperimentQuery(ViewType: ViewType.All));
        Assert.Equal("Default", Assert.Single(experiments.Items).Name);
    }
}

public sealed class SqliteConcurrencyTests : ConcurrencyTests, IDisposable
{
    private readonly TempDirectory _dir = new();

    protected override string StoreUri => "sqlite:///" + _dir.File("mlruns.db");

    [Fact]
    public Task EightProcesses_LoggingThousandMetricsEach_NoLockErrorsNoLoss() => EightProcessesLoggingMetrics_LoseNothing();

    [Fact]
    public Task SixProcesses_MigratingFreshFileAtOnce_MigrateExactlyOnce() => ProcessesMigratingAtOnce_MigrateOnce();

    public void Dispose() => _dir.Dispose();
}

public sealed class PostgresConcurrencyTests : ConcurrencyTests, IAsyncLifetime
{
    private readonly PostgresDatabaseFixture _database = new();

    protected override string StoreUri => _database.Uri!;

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [PostgresFact]
    public Task EightProcesses_LoggingThousandMetricsEach_NoLockErrorsNoLoss() => EightProcessesLoggingMetrics_LoseNothing();

    [PostgresFact]
    public Task SixProcesses_MigratingFreshDatabaseAtOnce_MigrateExactlyOnce() => ProcessesMigratingAtOnce_MigrateOnce();
}
