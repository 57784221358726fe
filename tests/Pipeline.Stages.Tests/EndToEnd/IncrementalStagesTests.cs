using Pipeline.Stages.Running;

namespace Pipeline.Stages.Tests.EndToEnd;

/// <summary>Stages skip when the content hash of their inputs matches their last result, and say why.</summary>
public class IncrementalStagesTests
{
    private static readonly StageName[] Training =
        [StageName.PrepareData, StageName.Sweep, StageName.Select, StageName.Evaluate, StageName.Package];

    [Fact]
    public async Task NoChange_SecondRunSkipsEveryTrainingStageAndSaysWhy()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer");
        await workspace.RunThroughAsync(StageName.Package);

        var outcomes = await RunTrainingAsync(workspace);

        Assert.All(Training, stage => Assert.Equal(StageOutcome.Skipped, outcomes[stage].Outcome));
        Assert.Matches(@"^Sweep: skipped, inputs unchanged since run [0-9a-f]{8}$", outcomes[StageName.Sweep].Summary);
    }

    [Fact]
    public async Task ChangedSearchSpaceValue_RerunsSweepAndWhatFollows_NotPrepareData()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer");
        await workspace.RunThroughAsync(StageName.Package);
        File.WriteAllText(workspace.PipelinePath, File.ReadAllText(workspace.PipelinePath).Replace("2.0, 3.0]", "2.0, 4.0]"));

        var outcomes = await RunTrainingAsync(workspace);

        Assert.Equal(StageOutcome.Skipped, outcomes[StageName.PrepareData].Outcome);
        Assert.All(Training.Skip(1), stage => Assert.Equal(StageOutcome.Succeeded, outcomes[stage].Outcome));
        Assert.Equal("2", outcomes[StageName.Package].Outputs["model_version"]);
    }

    [Fact]
    public async Task ChangedGate_RerunsEvaluationOnly_AndFollowing()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer");
        await workspace.RunThroughAsync(StageName.Package);
        File.WriteAllText(workspace.PipelinePath, File.ReadAllText(workspace.PipelinePath).Replace("roc_auc >= 0.95", "roc_auc >= 0.96"));

        var outcomes = await RunTrainingAsync(workspace);

        Assert.All(Training.Take(3), stage => Assert.Equal(StageOutcome.Skipped, outcomes[stage].Outcome));
        Assert.Equal(StageOutcome.Succeeded, outcomes[StageName.Evaluate].Outcome);
        Assert.Equal(StageOutcome.Succeeded, outcomes[StageName.Package].Outcome);
    }

    [Fact]
    public async Task ChangedDataContent_RerunsFromPrepareData()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer");
        await workspace.RunThroughAsync(StageName.Select);
        var data = Path.Combine(workspace.Root, "data", "breast_cancer.csv");
        var lines = File.ReadAllLines(data);
        File.WriteAllLines(data, lines.Take(lines.Length - 1));

        var outcome = await workspace.RunAsync(StageName.PrepareData);

        Assert.Equal(StageOutcome.Succeeded, outcome.Outcome);
    }

    [Fact]
    public async Task TouchedButUnchangedData_IsStillSkipped()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer");
        await workspace.RunThroughAsync(StageName.PrepareData);
        File.SetLastWriteTimeUtc(Path.Combine(workspace.Root, "data", "breast_cancer.csv"), DateTime.UtcNow.AddHours(1));

        var outcome = await workspace.RunAsync(StageName.PrepareData);

        Assert.Equal(StageOutcome.Skipped, outcome.Outcome);
    }

    [Fact]
    public async Task Force_RerunsAnUnchangedStage()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer");
        await workspace.RunThroughAsync(StageName.Sweep);

        var outcome = await new PipelineRunner(workspace.Reporter, TimeProvider.System, new Tracking.Metadata.DictionaryEnvironmentVariables())
            .RunAsync(StageName.Sweep, new StageOptions(workspace.PipelinePath, Force: true));

        Assert.Equal(StageOutcome.Succeeded, outcome.Outcome);
    }

    [Fact]
    public async Task UnchangedFailedEvaluation_IsSkippedButStillFailsItsGate()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer", yaml => yaml.Replace("roc_auc >= 0.95", "log_loss <= 0.000001"));
        await workspace.RunThroughAsync(StageName.Evaluate);

        var outcome = await workspace.RunAsync(StageName.Evaluate);

        Assert.Equal(StageOutcome.GateFailed, outcome.Outcome);
        Assert.Contains("skipped", outcome.Summary);
        Assert.Contains("log_loss", outcome.Summary);
    }

    private static async Task<Dictionary<StageName, StageResult>> RunTrainingAsync(PipelineWorkspace workspace)
    {
        var results = new Dictionary<StageName, StageResult>();
        foreach (var stage in Training)
            results[stage] = await workspace.RunAsync(stage);
        return results;
    }
}
