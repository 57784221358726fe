using Pipeline.Stages.Running;
using Pipeline.Stages.Stages;
using Pipeline.Stages.Stages.Select;
using Pipeline.Stages.Stages.Sweep;
using Pipeline.Tracking.Entities;

namespace Pipeline.Stages.Tests.Stages.Contracts;

public sealed class SweepAndSelectContractTests : IAsyncLifetime
{
    private readonly ContractWorkspace _workspace = ContractWorkspace.Create();
    private string _experimentId = "";
    private Run _pipelineRun = null!;

    public async Task InitializeAsync()
    {
        _experimentId = await _workspace.CreateExperimentAsync();
        _pipelineRun = await _workspace.SeedRunAsync(_experimentId, PipelineTags.RolePipeline);
    }

    public Task DisposeAsync() => _workspace.DisposeAsync().AsTask();

    private async Task<Run> SeedSweepWithCurrentFingerprintAsync()
    {
        var (fingerprint, _) = await new SweepContract().DecideAsync(_workspace.Open(), default);
        return await _workspace.SeedRunAsync(_experimentId, PipelineTags.RoleSweep, _pipelineRun, tags: new RunTag(PipelineTags.Fingerprint, fingerprint!.Value));
    }

    [Fact]
    public async Task Select_SharedSweepWithTrialsQueuedOrRunning_RefusesNamingTheCounts()
    {
        await SeedSweepWithCurrentFingerprintAsync();
        var context = _workspace.Open();
        var queue = ((Pipeline.Tracking.Sweeps.ITrialQueueProvider)context.Store).TrialQueue;
        await queue.CreateOrJoinAsync(new Pipeline.Tracking.Sweeps.SweepQueueRequest("shared", _experimentId, ["a", "b", "c"]));
        await queue.ClaimAsync("shared", "host/1/1");
        await _workspace.SeedRunAsync(_experimentId, PipelineTags.RoleSweep, _pipelineRun, RunStatus.Running, new RunTag(PipelineTags.SweepId, "shared"));

        var error = await Assert.ThrowsAsync<PipelineException>(() => new SelectContract().DecideAsync(_workspace.Open(), default));

        Assert.Equal("Select: sweep shared (run ", error.Message[..26]);
        Assert.Contains("still has 2 queued and 1 running trials on 1 worker (0 done); run select once every sweep worker has finished.", error.Message);
    }

    [Fact]
    public async Task Sweep_UnchangedSearchSpace_SkipsNamingTheSweepRun()
    {
        var sweepRun = await SeedSweepWithCurrentFingerprintAsync();

        var (_, skipped) = await new SweepContract().DecideAsync(_workspace.Open(), default);

        Assert.NotNull(skipped);
        Assert.Contains(sweepRun.Info.RunId[..8], skipped.Summary);
        Assert.Equal(sweepRun.Info.RunId, skipped.Outputs["sweep_run_id"]);
    }

    [Theory]
    [InlineData("C: [0.1, 1.0]", "C: [0.1, 2.0]")]
    [InlineData("cv_folds: 3", "cv_folds: 4")]
    [InlineData("seed: 7", "seed: 8")]
    public async Task Sweep_ChangedSweepValue_Runs(string before, string after)
    {
        await SeedSweepWithCurrentFingerprintAsync();
        _workspace.WriteSpec(yaml => yaml.Replace(before, after, StringComparison.Ordinal));

        var (_, skipped) = await new SweepContract().DecideAsync(_workspace.Open(), default);

        Assert.Null(skipped);
    }

    [Fact]
    public async Task Sweep_NewPipelineRun_RunsBecauseItsSweepIsUnderTheOldOne()
    {
        await SeedSweepWithCurrentFingerprintAsync();
        _pipelineRun = await _workspace.SeedRunAsync(_experimentId, PipelineTags.RolePipeline);

        var (_, skipped) = await new SweepContract().DecideAsync(_workspace.Open(), default);

        Assert.Null(skipped);
    }

    [Fact]
    public async Task Sweep_Forced_Runs()
    {
        await SeedSweepWithCurrentFingerprintAsync();

        var (_, skipped) = await new SweepContract().DecideAsync(_workspace.Open(force: true), default);

        Assert.Null(skipped);
    }

    private async Task<Run> SelectOnAsync(Run sweepRun)
    {
        var (fingerprint, _) = await new SelectContract().DecideAsync(_workspace.Open(), default);
        sweepRun = await _workspace.TagAsync(sweepRun, PipelineTags.SelectFingerprint, fingerprint!.Value);
        return await _workspace.TagAsync(sweepRun, PipelineTags.BestRunId, "best-trial");
    }

    [Fact]
    public async Task Select_UnchangedSelection_SkipsNamingTheWinner()
    {
        var sweepRun = await SelectOnAsync(await SeedSweepWithCurrentFingerprintAsync());

        var (_, skipped) = await new SelectContract().DecideAsync(_workspace.Open(), default);

        Assert.NotNull(skipped);
        Assert.Contains(sweepRun.Info.RunId[..8], skipped.Summary);
        Assert.Equal("best-trial", skipped.Outputs["best_run_id"]);
    }

    [Theory]
    [InlineData("direction: maximize", "direction: minimize")]
    [InlineData("metric: roc_auc", "metric: accuracy_score")]
    [InlineData("seed: 7", "seed: 9")]
    public async Task Select_ChangedSelectionInput_Runs(string before, string after)
    {
        await SelectOnAsync(await SeedSweepWithCurrentFingerprintAsync());
        _workspace.WriteSpec(yaml => yaml.Replace(before, after, StringComparison.Ordinal));

        var (_, skipped) = await new SelectContract().DecideAsync(_workspace.Open(), default);

        Assert.Null(skipped);
    }

    [Fact]
    public async Task Select_FingerprintButNoWinnerRecorded_Runs()
    {
        var sweepRun = await SeedSweepWithCurrentFingerprintAsync();
        var (fingerprint, _) = await new SelectContract().DecideAsync(_workspace.Open(), default);
        await _workspace.TagAsync(sweepRun, PipelineTags.SelectFingerprint, fingerprint!.Value);

        var (_, skipped) = await new SelectContract().DecideAsync(_workspace.Open(), default);

        Assert.Null(skipped);
    }

    [Fact]
    public async Task Select_Forced_Runs()
    {
        await SelectOnAsync(await SeedSweepWithCurrentFingerprintAsync());

        var (_, skipped) = await new SelectContract().DecideAsync(_workspace.Open(force: true), default);

        Assert.Null(skipped);
    }
}
