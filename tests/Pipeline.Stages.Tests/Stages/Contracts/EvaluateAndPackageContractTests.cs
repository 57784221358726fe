using Pipeline.Stages.Running;
using Pipeline.Stages.Stages;
using Pipeline.Stages.Stages.Evaluate;
using Pipeline.Stages.Stages.Package;
using Pipeline.Tracking.Entities;

namespace Pipeline.Stages.Tests.Stages.Contracts;

public sealed class EvaluateAndPackageContractTests : IAsyncLifetime
{
    private readonly ContractWorkspace _workspace = ContractWorkspace.Create();
    private string _experimentId = "";
    private Run _pipelineRun = null!;
    private Run _sweepRun = null!;

    /// <summary>What Select leaves: a finished sweep under the pipeline run naming a winner.</summary>
    public async Task InitializeAsync()
    {
        _experimentId = await _workspace.CreateExperimentAsync();
        _pipelineRun = await _workspace.SeedRunAsync(_experimentId, PipelineTags.RolePipeline);
        _sweepRun = await _workspace.SeedRunAsync(_experimentId, PipelineTags.RoleSweep, _pipelineRun,
            tags: [new RunTag(PipelineTags.BestRunId, "best-trial"), new RunTag(PipelineTags.SelectFingerprint, "selection-1")]);
    }

    public Task DisposeAsync() => _workspace.DisposeAsync().AsTask();

    private async Task<Run> SeedEvaluationAsync(params RunTag[] verdicts)
    {
        var (fingerprint, _) = await new EvaluateContract().DecideAsync(_workspace.Open(), default);
        return await _workspace.SeedRunAsync(_experimentId, PipelineTags.RoleEvaluation, _pipelineRun,
            tags: [new RunTag(PipelineTags.Fingerprint, fingerprint!.Value), .. verdicts]);
    }

    [Fact]
    public async Task Evaluate_UnchangedPassedEvaluation_SkipsAsSkipped()
    {
        var evaluation = await SeedEvaluationAsync(new RunTag(PipelineTags.GateVerdict, "passed"));

        var (_, skipped) = await new EvaluateContract().DecideAsync(_workspace.Open(), default);

        Assert.NotNull(skipped);
        Assert.Equal(StageOutcome.Skipped, skipped.Outcome);
        Assert.Equal(evaluation.Info.RunId, skipped.Outputs["evaluation_run_id"]);
    }

    [Fact]
    public async Task Evaluate_UnchangedFailedGate_StaysFailedWhenSkipped()
    {
        var evaluation = await SeedEvaluationAsync(
            new RunTag(PipelineTags.GateVerdict, "failed"),
            new RunTag(PipelineTags.GatePrefix + "roc_auc", "failed: 0.8100 >= 0.9"));

        var (_, skipped) = await new EvaluateContract().DecideAsync(_workspace.Open(), default);

        Assert.NotNull(skipped);
        Assert.Equal(StageOutcome.GateFailed, skipped.Outcome);
        Assert.Contains(evaluation.Info.RunId[..8], skipped.Summary);
        Assert.Contains("gate roc_auc failed: 0.8100 >= 0.9", skipped.Summary);
    }

    [Fact]
    public async Task Evaluate_ChangedGate_Runs()
    {
        await SeedEvaluationAsync(new RunTag(PipelineTags.GateVerdict, "failed"));
        _workspace.WriteSpec(yaml => yaml.Replace("roc_auc >= 0.9", "roc_auc >= 0.8", StringComparison.Ordinal));

        var (_, skipped) = await new EvaluateContract().DecideAsync(_workspace.Open(), default);

        Assert.Null(skipped);
    }

    [Fact]
    public async Task Evaluate_NewSelection_Runs()
    {
        await SeedEvaluationAsync(new RunTag(PipelineTags.GateVerdict, "passed"));
        await _workspace.TagAsync(_sweepRun, PipelineTags.SelectFingerprint, "selection-2");

        var (_, skipped) = await new EvaluateContract().DecideAsync(_workspace.Open(), default);

        Assert.Null(skipped);
    }

    [Fact]
    public async Task Evaluate_ForcedAfterFailedGate_Runs()
    {
        await SeedEvaluationAsync(new RunTag(PipelineTags.GateVerdict, "failed"));

        var (_, skipped) = await new EvaluateContract().DecideAsync(_workspace.Open(force: true), default);

        Assert.Null(skipped);
    }

    /// <summary>What Package leaves: its fingerprint on the sweep run and a registry version of it under the alias.</summary>
    private async Task PackageAsync(string? versionRunId = null)
    {
        await SeedEvaluationAsync(new RunTag(PipelineTags.GateVerdict, "passed"));
        var context = _workspace.Open();
        var (fingerprint, _) = await new PackageContract().DecideAsync(context, default);
        await _workspace.TagAsync(_sweepRun, PipelineTags.PackageFingerprint, fingerprint!.Value);
        await context.Registry.CreateRegisteredModelAsync("contracts-model");
        var version = await context.Registry.CreateModelVersionAsync("contracts-model", $"{_sweepRun.Info.ArtifactUri}/model", versionRunId ?? _sweepRun.Info.RunId);
        await context.Registry.SetRegisteredModelAliasAsync("contracts-model", "champion", version.Version);
    }

    [Fact]
    public async Task Package_UnchangedAndAliasStillOnThisRun_SkipsWithTheModelOutputs()
    {
        await PackageAsync();

        var (_, skipped) = await new PackageContract().DecideAsync(_workspace.Open(), default);

        Assert.NotNull(skipped);
        Assert.Contains(_sweepRun.Info.RunId[..8], skipped.Summary);
        Assert.Equal("1", skipped.Outputs["model_version"]);
        Assert.Equal("models:/contracts-model@champion", skipped.Outputs["model_uri"]);
    }

    [Fact]
    public async Task Package_AliasMovedToAnotherRunsVersion_Runs()
    {
        await PackageAsync(versionRunId: _pipelineRun.Info.RunId);

        var (_, skipped) = await new PackageContract().DecideAsync(_workspace.Open(), default);

        Assert.Null(skipped);
    }

    [Fact]
    public async Task Package_ChangedModelSection_Runs()
    {
        await PackageAsync();
        _workspace.WriteSpec(yaml => yaml.Replace("alias: champion", "alias: challenger", StringComparison.Ordinal));

        var (_, skipped) = await new PackageContract().DecideAsync(_workspace.Open(), default);

        Assert.Null(skipped);
    }

    [Fact]
    public async Task Package_Forced_Runs()
    {
        await PackageAsync();

        var (_, skipped) = await new PackageContract().DecideAsync(_workspace.Open(force: true), default);

        Assert.Null(skipped);
    }
}
