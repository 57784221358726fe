using Pipeline.Tracking.Entities;

namespace Pipeline.Tracking.Tests.Runs;

public sealed class ActiveRunTests : IDisposable
{
    private readonly RunsFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task DisposeAsync_RunNotEnded_MarksItFailedWithEndTime()
    {
        var run = await _fx.Client().StartRunAsync(_fx.ExperimentId);
        _fx.Clock.Advance(TimeSpan.FromSeconds(3));

        await run.DisposeAsync();

        var info = (await _fx.Store.GetRunAsync(run.RunId)).Info;
        Assert.Equal(RunStatus.Failed, info.Status);
        Assert.Equal(RunsFixture.Start.AddSeconds(3).ToUnixTimeMilliseconds(), info.EndTime);
        Assert.Equal(RunStatus.Failed, run.EndStatus);
    }

    [Fact]
    public async Task AwaitUsing_BodyThrows_RunEndsFailed()
    {
        string? runId = null;

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var run = await _fx.Client().StartRunAsync(_fx.ExperimentId);
            runId = run.RunId;
            throw new InvalidOperationException("training diverged");
        });

        Assert.Equal(RunStatus.Failed, (await _fx.Store.GetRunAsync(runId!)).Info.Status);
    }

    [Fact]
    public async Task DisposeAsync_AfterEnd_WritesNothingMore()
    {
        var run = await _fx.Client().StartRunAsync(_fx.ExperimentId);

        Assert.True(await run.EndAsync());
        _fx.Clock.Advance(TimeSpan.FromSeconds(5));
        await run.DisposeAsync();

        // A second update would have moved the end time to the later clock.
        var info = (await _fx.Store.GetRunAsync(run.RunId)).Info;
        Assert.Equal(RunStatus.Finished, info.Status);
        Assert.Equal(RunsFixture.Start.ToUnixTimeMilliseconds(), info.EndTime);
    }

    [Fact]
    public async Task EndAsync_Twice_SecondCallChangesNothing()
    {
        await using var run = await _fx.Client().StartRunAsync(_fx.ExperimentId);

        await run.EndAsync(RunStatus.Killed);
        var second = await run.EndAsync(RunStatus.Finished);

        Assert.False(second);
        Assert.Equal(RunStatus.Killed, (await _fx.Store.GetRunAsync(run.RunId)).Info.Status);
    }

    [Theory]
    [InlineData(RunStatus.Running)]
    [InlineData(RunStatus.Scheduled)]
    public async Task EndAsync_NonTerminalStatus_Throws(RunStatus status)
    {
        await using var run = await _fx.Client().StartRunAsync(_fx.ExperimentId);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => run.EndAsync(status));

        Assert.Contains(status.ToMlflowName(), error.Message);
        Assert.Null(run.EndStatus);
    }

    [Fact]
    public async Task LogAfterEnd_ThrowsNamingTheRun()
    {
        await using var run = await _fx.Client().StartRunAsync(_fx.ExperimentId);
        await run.EndAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => run.LogMetricAsync("loss", 0.1));

        Assert.Contains(run.RunId, error.Message);
    }

    [Fact]
    public async Task LogHelpers_WriteMetricsParamsTagsThroughTheStore()
    {
        await using var run = await _fx.Client().StartRunAsync(_fx.ExperimentId);
        _fx.Clock.Advance(TimeSpan.FromMilliseconds(250));

        await run.LogMetricAsync("loss", 0.5, step: 2);
        await run.LogMetricsAsync(new Dictionary<string, double> { ["auc"] = 0.91, ["acc"] = double.NaN }, step: 3);
        await run.LogParamAsync("C", "1.0");
        await run.LogParamsAsync(new Dictionary<string, string> { ["solver"] = "lbfgs" });
        await run.SetTagAsync("stage", "sweep");

        var history = await _fx.Store.GetMetricHistoryAsync(run.RunId, "loss");
        Assert.Equal(new Metric("loss", 0.5, RunsFixture.Start.ToUnixTimeMilliseconds() + 250, 2), Assert.Single(history));
        var data = (await run.GetRunAsync()).Data;
        Assert.Equal(0.91, data.Metric("auc"));
        Assert.True(double.IsNaN(data.Metric("acc")!.Value));
        Assert.Equal("1.0", data.Param("C"));
        Assert.Equal("lbfgs", data.Param("solver"));
        Assert.Equal("sweep", data.Tag("stage"));
        await Assert.ThrowsAsync<TrackingException>(() => run.LogParamAsync("C", "2.0"));
    }

    [Fact]
    public async Task LogTextAndArtifact_WriteUnderRunArtifactRoot()
    {
        await using var run = await _fx.Client().StartRunAsync(_fx.ExperimentId);
        var local = _fx.Artifacts.Combine("report.txt");
        await File.WriteAllTextAsync(local, "hello");

        var text = await run.LogTextAsync("é", "notes/readme.txt");
        var file = await run.LogArtifactAsync(local, "reports");

        Assert.Equal(2, text.Size); // UTF-8 without a byte-order mark
        Assert.Equal("reports/report.txt", file.Path);
        Assert.Contains(await run.Artifacts.ListAsync(), e => e.Path == "reports" && e.IsDir);
        Assert.StartsWith(new Uri(_fx.Artifacts.Path).AbsoluteUri, run.Info.ArtifactUri);
    }
}
