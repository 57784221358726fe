using Pipeline.Stages.Running;
using Pipeline.Stages.Stages;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Tests.EndToEnd;

/// <summary>How the stages behave around the happy path: repeatability, gates, missing predecessors, interruption.</summary>
public class PipelineBehaviourTests
{
    [Fact]
    public async Task SameDataFileAndSeeds_GiveIdenticalMetrics()
    {
        await using var first = PipelineWorkspace.Create("breast-cancer");
        await using var second = PipelineWorkspace.Create("breast-cancer");

        await first.RunThroughAsync(StageName.Evaluate);
        await second.RunThroughAsync(StageName.Evaluate);

        Assert.Equal(await MetricsByRole(first), await MetricsByRole(second));
    }

    [Fact]
    public async Task FailedGate_FailsEvaluateAfterLoggingMetrics_AndPackageRefusesTheModel()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer", yaml => yaml.Replace("- accuracy_score >= 0.9", "- log_loss <= 0.000001"));

        var result = await workspace.RunThroughAsync(StageName.Evaluate);

        Assert.Equal(StageOutcome.GateFailed, result.Outcome);
        Assert.Contains("log_loss", result.Summary);
        Assert.Contains("0.000001", result.Summary.Replace("1E-06", "0.000001"));
        await using (var store = workspace.OpenStore())
        {
            var experiment = (await store.GetExperimentByNameAsync("breast-cancer"))!;
            var evaluation = (await store.SearchRunsAsync(new RunQuery([experiment.ExperimentId], $"tags.`{PipelineTags.Role}` = 'evaluation'"))).Items.Single();
            Assert.NotNull(evaluation.Data.Metric("log_loss"));
            Assert.Equal("failed", evaluation.Data.Tag(PipelineTags.GateVerdict));
        }
        var refused = await Assert.ThrowsAsync<PipelineException>(() => workspace.RunAsync(StageName.Package));
        Assert.Contains("failed its gates", refused.Message);
    }

    [Fact]
    public async Task TwoGatesOnOneMetric_BothCheckedAndRecorded()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer", yaml => yaml.Replace("- accuracy_score >= 0.9", "- roc_auc <= 0.5"));

        var result = await workspace.RunThroughAsync(StageName.Evaluate);

        Assert.Equal(StageOutcome.GateFailed, result.Outcome);
        await using var store = workspace.OpenStore();
        var experiment = (await store.GetExperimentByNameAsync("breast-cancer"))!;
        var evaluation = (await store.SearchRunsAsync(new RunQuery([experiment.ExperimentId], $"tags.`{PipelineTags.Role}` = 'evaluation'"))).Items.Single();
        Assert.StartsWith("passed", evaluation.Data.Tag(PipelineTags.GatePrefix + "roc_auc"));
        Assert.StartsWith("failed", evaluation.Data.Tag(PipelineTags.GatePrefix + "roc_auc.2"));
    }

    [Fact]
    public async Task SweepWithoutPreparedData_SaysWhichStageToRunFirst()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer");
        await workspace.RunAsync(StageName.InitStore);

        var error = await Assert.ThrowsAsync<PipelineException>(() => workspace.RunAsync(StageName.Sweep));

        Assert.Contains("run the PrepareData stage first", error.Message);
    }

    [Fact]
    public async Task StageWithoutInitStore_SaysToRunInitStore()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer");

        var error = await Assert.ThrowsAsync<PipelineException>(() => workspace.RunAsync(StageName.PrepareData));

        Assert.Contains("InitStore", error.Message);
    }

    [Fact]
    public async Task InitStoreTwice_SecondRunChangesNothing()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer");
        var first = await workspace.RunAsync(StageName.InitStore);

        var second = await workspace.RunAsync(StageName.InitStore);

        Assert.Equal(first.Outputs["experiment_id"], second.Outputs["experiment_id"]);
        Assert.Contains(workspace.Reporter.Lines, l => l.Contains("schema up to date"));
        Assert.Contains(workspace.Reporter.Lines, l => l.Contains("Experiment 'breast-cancer' exists"));
    }

    [Fact]
    public async Task InterruptedSweep_LeavesNoRunRunning()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer");
        await workspace.RunThroughAsync(StageName.PrepareData);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => workspace.RunAsync(StageName.Sweep, cancel.Token));

        await using var store = workspace.OpenStore();
        var experiment = (await store.GetExperimentByNameAsync("breast-cancer"))!;
        var runs = (await store.SearchRunsAsync(new RunQuery([experiment.ExperimentId]))).Items;
        Assert.Contains(runs, r => r.Data.Tag(PipelineTags.Role) == PipelineTags.RoleSweep);
        Assert.DoesNotContain(runs, r => r.Info.Status == RunStatus.Running);
    }

    [Theory]
    [InlineData("wine", "wine-classifier", "accuracy_score")]
    [InlineData("diabetes", "diabetes-regressor", "r2_score")]
    public async Task OtherTaskKinds_RunThroughPackage(string pipeline, string model, string metric)
    {
        await using var workspace = PipelineWorkspace.Create(pipeline);

        var result = await workspace.RunThroughAsync(StageName.Package);

        Assert.Equal(StageOutcome.Succeeded, result.Outcome);
        await using var store = workspace.OpenStore();
        var version = await new Pipeline.Tracking.Stores.Sql.SqlModelRegistry(store).GetModelVersionByAliasAsync(model, "champion");
        Assert.Equal(1, version.Version);
        var experiment = (await store.GetExperimentByNameAsync(pipeline))!;
        var evaluation = (await store.SearchRunsAsync(new RunQuery([experiment.ExperimentId], $"tags.`{PipelineTags.Role}` = 'evaluation'"))).Items.Single();
        Assert.NotNull(evaluation.Data.Metric(metric));
    }

    /// <summary>Metrics keyed by the run's role and trial index, not its name: a pipeline run's name holds the minute it started.</summary>
    private static async Task<SortedDictionary<string, string>> MetricsByRole(PipelineWorkspace workspace)
    {
        await using var store = workspace.OpenStore();
        var experiment = (await store.GetExperimentByNameAsync("breast-cancer"))!;
        var runs = (await store.SearchRunsAsync(new RunQuery([experiment.ExperimentId]))).Items;
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var run in runs)
            foreach (var metric in run.Data.Metrics.Where(m => !m.Key.EndsWith("time_seconds", StringComparison.Ordinal)))
                result[$"{run.Data.Tag(PipelineTags.Role)}/{run.Data.Tag(PipelineTags.TrialIndex)}/{metric.Key}"] = metric.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        return result;
    }
}
