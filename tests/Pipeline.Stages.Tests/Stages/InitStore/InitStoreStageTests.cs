using Pipeline.Stages.Running;
using Pipeline.Stages.Stages.InitStore;
using Pipeline.Stages.Tests.EndToEnd;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Tests.Stages.InitStore;

public sealed class InitStoreStageTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("init-store-").FullName;
    private SqliteTrackingStore _store = null!;

    public Task InitializeAsync()
    {
        _store = new SqliteTrackingStore(Path.Combine(_folder, "mlruns.db"), new Uri(Path.Combine(_folder, "mlartifacts")).AbsoluteUri);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task RunAsync_ExperimentCreatedByAnotherRunMeanwhile_ReadsItAndGoesOn()
    {
        var reporter = new RecordingReporter();
        var location = new TrackingLocation("sqlite:///mlruns.db", new Uri(Path.Combine(_folder, "mlartifacts")).AbsoluteUri);

        var output = await new InitStoreStage(RacingStore.Over(_store), reporter).RunAsync(new InitStoreInput("shared", location));

        var experiment = await _store.GetExperimentByNameAsync("shared");
        Assert.NotNull(experiment);
        Assert.Equal(experiment.ExperimentId, output.ExperimentId);
        Assert.False(output.ExperimentCreated);
        Assert.Contains("created meanwhile by another run", reporter.Text);
    }

    [Fact]
    public async Task RunAsync_Twice_CreatesTheExperimentOnce()
    {
        var location = new TrackingLocation("sqlite:///mlruns.db", new Uri(Path.Combine(_folder, "mlartifacts")).AbsoluteUri);
        var stage = new InitStoreStage(_store, new RecordingReporter());

        var first = await stage.RunAsync(new InitStoreInput("once", location));
        var second = await stage.RunAsync(new InitStoreInput("once", location));

        Assert.True(first.ExperimentCreated);
        Assert.False(second.ExperimentCreated);
        Assert.Equal(first.ExperimentId, second.ExperimentId);
    }
}
