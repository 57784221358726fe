using Pipeline.Stages.Running;
using Pipeline.Stages.Stages;
using Pipeline.Stages.Stages.PrepareData;
using Pipeline.Tracking.Entities;

namespace Pipeline.Stages.Tests.Stages.Contracts;

public sealed class PrepareDataContractTests : IAsyncLifetime
{
    private readonly ContractWorkspace _workspace = ContractWorkspace.Create();
    private readonly PrepareDataContract _contract = new();
    private string _experimentId = "";

    public async Task InitializeAsync() => _experimentId = await _workspace.CreateExperimentAsync();

    public Task DisposeAsync() => _workspace.DisposeAsync().AsTask();

    /// <summary>A finished pipeline run recording the fingerprint the current file and data have.</summary>
    private async Task<Run> SeedCurrentResultAsync()
    {
        var (fingerprint, _) = await _contract.DecideAsync(_workspace.Open(), default);
        return await _workspace.SeedRunAsync(_experimentId, PipelineTags.RolePipeline, tags: new RunTag(PipelineTags.Fingerprint, fingerprint!.Value));
    }

    [Fact]
    public async Task Decide_UnchangedFileAndData_SkipsNamingThePipelineRun()
    {
        var run = await SeedCurrentResultAsync();

        var (_, skipped) = await _contract.DecideAsync(_workspace.Open(), default);

        Assert.NotNull(skipped);
        Assert.Equal(StageOutcome.Skipped, skipped.Outcome);
        Assert.Contains(run.Info.RunId[..8], skipped.Summary);
        Assert.Equal(run.Info.RunId, skipped.Outputs["pipeline_run_id"]);
    }

    [Fact]
    public async Task Decide_ChangedDataSectionValue_RunsWithANewFingerprint()
    {
        var (before, _) = await _contract.DecideAsync(_workspace.Open(), default);
        await SeedCurrentResultAsync();
        _workspace.WriteSpec(yaml => yaml.Replace("test_fraction: 0.25", "test_fraction: 0.3", StringComparison.Ordinal));

        var (after, skipped) = await _contract.DecideAsync(_workspace.Open(), default);

        Assert.Null(skipped);
        Assert.NotEqual(before!.Value, after!.Value);
    }

    [Fact]
    public async Task Decide_EditedCsvContent_Runs()
    {
        await SeedCurrentResultAsync();
        File.AppendAllText(_workspace.DataPath, "99,1,1\n");

        var (_, skipped) = await _contract.DecideAsync(_workspace.Open(), default);

        Assert.Null(skipped);
    }

    [Fact]
    public async Task Decide_TouchedCsvWithSameContent_StillSkips()
    {
        await SeedCurrentResultAsync();
        File.SetLastWriteTimeUtc(_workspace.DataPath, DateTime.UtcNow.AddHours(1));

        var (_, skipped) = await _contract.DecideAsync(_workspace.Open(), default);

        Assert.NotNull(skipped);
    }

    [Fact]
    public async Task Decide_Forced_RunsDespiteAnUnchangedFingerprint()
    {
        await SeedCurrentResultAsync();

        var (fingerprint, skipped) = await _contract.DecideAsync(_workspace.Open(force: true), default);

        Assert.NotNull(fingerprint);
        Assert.Null(skipped);
    }

    [Fact]
    public async Task Decide_NewerRunWithOtherFingerprint_RunsBecauseOnlyTheLatestCounts()
    {
        await SeedCurrentResultAsync();
        await _workspace.SeedRunAsync(_experimentId, PipelineTags.RolePipeline, tags: new RunTag(PipelineTags.Fingerprint, "other"));

        var (_, skipped) = await _contract.DecideAsync(_workspace.Open(), default);

        Assert.Null(skipped);
    }

    [Fact]
    public async Task Decide_MatchingRunThatFailed_Runs()
    {
        var (fingerprint, _) = await _contract.DecideAsync(_workspace.Open(), default);
        await _workspace.SeedRunAsync(_experimentId, PipelineTags.RolePipeline, status: RunStatus.Failed, tags: new RunTag(PipelineTags.Fingerprint, fingerprint!.Value));

        var (_, skipped) = await _contract.DecideAsync(_workspace.Open(), default);

        Assert.Null(skipped);
    }
}
