using System.Globalization;
using Pipeline.Stages.Running;
using Pipeline.Stages.Stages;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Tests.Reporting;

/// <summary>The Markdown summary the runner writes, checked against what the stages left in the store.</summary>
[Collection(ReportedPipelineCollection.Name)]
public class MarkdownSummaryTests(ReportedPipelineFixture pipeline)
{
    [Fact]
    public async Task AfterPackage_ListsEveryTrialWithItsCvMetricsAndMarksTheWinner()
    {
        var summary = pipeline.SummaryAfter[StageName.Package];
        await using var store = pipeline.Workspace.OpenStore();
        var runs = await RunsAsync(store);
        var trials = runs.Where(r => r.Data.Tag(PipelineTags.Role) == PipelineTags.RoleTrial).ToList();
        var sweep = runs.Single(r => r.Data.Tag(PipelineTags.Role) == PipelineTags.RoleSweep);

        Assert.Equal(4, trials.Count);
        Assert.Contains("### Sweep: 4 trials, 0 failed (5-fold CV, maximize roc_auc)", summary);
        foreach (var trial in trials)
        {
            var row = Assert.Single(Lines(summary), l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains(trial.Info.RunName));
            Assert.Contains($"`{trial.Data.Tag(PipelineTags.TrialConfiguration)}`", row);
            Assert.Contains($"C={trial.Data.Param("C")}", row);
            Assert.Contains($"{Format(trial.Data.Metric("roc_auc"))} ± {Format(trial.Data.Metric("roc_auc_std"))}", row);
        }
        var winnerId = sweep.Data.Tag(PipelineTags.BestRunId)!;
        var winner = trials.Single(t => t.Info.RunId == winnerId);
        Assert.Contains($"**{winner.Info.RunName}** 🏆", summary);
        Assert.Contains($"- **Winner:** `{sweep.Data.Tag(PipelineTags.BestConfiguration)}`, cross-validated roc_auc = {Format(sweep.Data.Metric("best_cv_score"))}", summary);
    }

    [Fact]
    public async Task AfterPackage_ShowsTestMetricsGateVerdictsAndTheModelVersion()
    {
        var summary = pipeline.SummaryAfter[StageName.Package];
        await using var store = pipeline.Workspace.OpenStore();
        var evaluation = (await RunsAsync(store)).Single(r => r.Data.Tag(PipelineTags.Role) == PipelineTags.RoleEvaluation);

        foreach (var metric in evaluation.Data.Metrics)
            Assert.Contains($"| {metric.Key} | {Format(metric.Value)} |", summary);
        Assert.Contains("| ✅ | roc_auc | passed: roc_auc = ", summary);
        Assert.Contains("| ✅ | accuracy_score | passed: accuracy_score = ", summary);
        Assert.Contains("- **Gates:** ✅ passed (2 of 2)", summary);
        Assert.Contains("- **Model:** `models:/breast-cancer-classifier/1` (alias `champion`)", summary);
        Assert.Contains("| breast_cancer | `578e7e3d` | 569 | 455 | 114 |", summary);
    }

    [Fact]
    public void AfterEachStage_ShowsOnlyWhatHasRun()
    {
        Assert.Contains("No pipeline run yet", pipeline.SummaryAfter[StageName.InitStore]);

        var afterPrepare = pipeline.SummaryAfter[StageName.PrepareData];
        Assert.Contains("### Dataset", afterPrepare);
        Assert.DoesNotContain("### Sweep", afterPrepare);

        var afterSweep = pipeline.SummaryAfter[StageName.Sweep];
        Assert.Contains("### Sweep", afterSweep);
        Assert.DoesNotContain("🏆", afterSweep);

        Assert.Contains("🏆", pipeline.SummaryAfter[StageName.Select]);
        Assert.DoesNotContain("### Gates", pipeline.SummaryAfter[StageName.Select]);
        Assert.Contains("### Gates", pipeline.SummaryAfter[StageName.Evaluate]);
        Assert.DoesNotContain("**Model:**", pipeline.SummaryAfter[StageName.Evaluate]);
        Assert.Contains("**Model:**", pipeline.SummaryAfter[StageName.Package]);
    }

    private static async Task<IReadOnlyList<Run>> RunsAsync(ITrackingStore store)
    {
        var experiment = (await store.GetExperimentByNameAsync("breast-cancer"))!;
        return (await store.SearchRunsAsync(new RunQuery([experiment.ExperimentId]))).Items;
    }

    private static IEnumerable<string> Lines(string text) => text.Split('\n');

    private static string Format(double? value) => value!.Value.ToString("0.####", CultureInfo.InvariantCulture);
}
