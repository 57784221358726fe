using Pipeline.Stages.Running;
using Pipeline.Stages.Stages;
using Pipeline.Stages.Stages.Evaluate;
using Pipeline.Stages.Stages.Package;
using Pipeline.Stages.Stages.PrepareData;
using Pipeline.Stages.Stages.Select;
using Pipeline.Stages.Stages.Serve;
using Pipeline.Stages.Stages.Smoke;
using Pipeline.Stages.Stages.Sweep;
using Pipeline.Tracking.Entities;

namespace Pipeline.Stages.Tests.Stages.Contracts;

/// <summary>Each contract run before its upstream stage fails with a clear message naming the stage to run first.</summary>
public sealed class UpstreamLookupTests : IAsyncLifetime
{
    private readonly ContractWorkspace _workspace = ContractWorkspace.Create();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _workspace.DisposeAsync().AsTask();

    private async Task<string> MessageOfAsync(IStageContract contract, bool force = false) =>
        (await Assert.ThrowsAsync<PipelineException>(() => contract.ExecuteAsync(_workspace.Open(force), default))).Message;

    [Fact]
    public async Task PrepareData_NoExperiment_NamesInitStore()
    {
        var message = await MessageOfAsync(new PrepareDataContract());

        Assert.Contains("Experiment 'contracts' does not exist", message);
        Assert.Contains("run the InitStore stage first", message);
    }

    public static TheoryData<string> StagesReadingThePipelineRun => new() { "Sweep", "DockerServe", "SmokeTest" };

    [Theory]
    [MemberData(nameof(StagesReadingThePipelineRun))]
    public async Task StageReadingThePipelineRun_NoPipelineRun_NamesPrepareData(string stage)
    {
        await _workspace.CreateExperimentAsync();
        IStageContract contract = stage switch
        {
            "Sweep" => new SweepContract(),
            "DockerServe" => new DockerServeContract(),
            _ => new SmokeTestContract(),
        };

        var message = await MessageOfAsync(contract, force: true);

        Assert.Contains("No finished pipeline run for", message);
        Assert.Contains("run the PrepareData stage first", message);
    }

    [Fact]
    public async Task Select_UnfinishedSweepOnly_NamesSweep()
    {
        var experimentId = await _workspace.CreateExperimentAsync();
        var pipelineRun = await _workspace.SeedRunAsync(experimentId, PipelineTags.RolePipeline);
        await _workspace.SeedRunAsync(experimentId, PipelineTags.RoleSweep, pipelineRun, RunStatus.Running);

        var message = await MessageOfAsync(new SelectContract());

        Assert.Contains("No finished sweep run", message);
        Assert.Contains("run the Sweep stage first", message);
    }

    [Fact]
    public async Task EvaluateAndPackage_SweepWithoutWinner_NameSelect()
    {
        var experimentId = await _workspace.CreateExperimentAsync();
        var pipelineRun = await _workspace.SeedRunAsync(experimentId, PipelineTags.RolePipeline);
        var sweepRun = await _workspace.SeedRunAsync(experimentId, PipelineTags.RoleSweep, pipelineRun);

        var evaluate = await MessageOfAsync(new EvaluateContract());
        var package = await MessageOfAsync(new PackageContract());

        Assert.Equal($"Sweep run {sweepRun.Info.RunId} has no selected model yet: run the Select stage first.", evaluate);
        Assert.Equal(evaluate, package);
    }

    [Fact]
    public async Task Package_SelectedModelWithoutEvaluation_NamesEvaluate()
    {
        var experimentId = await _workspace.CreateExperimentAsync();
        var pipelineRun = await _workspace.SeedRunAsync(experimentId, PipelineTags.RolePipeline);
        await _workspace.SeedRunAsync(experimentId, PipelineTags.RoleSweep, pipelineRun, tags: new RunTag(PipelineTags.BestRunId, "trial"));

        var message = await MessageOfAsync(new PackageContract());

        Assert.Contains("No finished evaluation run", message);
        Assert.Contains("run the Evaluate stage first", message);
    }

    [Fact]
    public async Task SmokeTest_PipelineRunWithoutServedModel_NamesDockerServe()
    {
        var experimentId = await _workspace.CreateExperimentAsync();
        var pipelineRun = await _workspace.SeedRunAsync(experimentId, PipelineTags.RolePipeline);

        var message = await MessageOfAsync(new SmokeTestContract());

        Assert.Equal($"Pipeline run {pipelineRun.Info.RunId} records no served model: run the DockerServe stage first.", message);
    }

    [Fact]
    public async Task ServeAndSmokeTest_HaveNoFingerprintAndNeverSkip()
    {
        var experimentId = await _workspace.CreateExperimentAsync();
        var pipelineRun = await _workspace.SeedRunAsync(experimentId, PipelineTags.RolePipeline);
        // DockerServe finds the version to serve through the execution's sweep, so the sweep must exist.
        await _workspace.SeedRunAsync(experimentId, PipelineTags.RoleSweep, pipelineRun);

        var serve = await new DockerServeContract().DecideAsync(_workspace.Open(), default);
        var smoke = await new SmokeTestContract().DecideAsync(_workspace.Open(), default);

        Assert.Equal((null, null), serve);
        Assert.Equal((null, null), smoke);
    }
}
