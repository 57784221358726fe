using System.Text.RegularExpressions;
using Pipeline.Stages.Running;
using Pipeline.Stages.Stages;
using Pipeline.Stages.Stages.Select;
using Pipeline.Stages.Stages.Sweep;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Tests.EndToEnd;

/// <summary>A TPE sweep with pruning and early stopping, on breast-cancer through the real stages and a SQLite store.</summary>
public sealed partial class TpeSweepTests
{
    private static string WithSweep(string yaml, string sweep) => SweepSection().Replace(yaml, sweep);

    private const string PrunedSweep = """
        sweep:
          strategy: tpe
          trials: 10
          seed: 42
          cv_folds: 5
          tpe: {n_startup_trials: 3}
          pruner: {type: median, n_startup_trials: 2}
          search_space:
            - trainer: lbfgs_logistic_regression
              params:
                C: {min: 0.0001, max: 10, log: true}

        """;

    [Fact]
    public async Task TpeSweepWithMedianPruner_PrunedTrialsEndFinishedTaggedPruned_AndAreNeverSelected()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer", yaml => WithSweep(yaml, PrunedSweep));

        await workspace.RunThroughAsync(StageName.Select);

        await using var store = workspace.OpenStore();
        var runs = await RunsAsync(store);
        var trials = runs.Where(r => r.Data.Tag(PipelineTags.Role) == PipelineTags.RoleTrial).ToList();
        var pruned = trials.Where(r => r.Data.Tag(TrialStateTag.Key) == TrialStateTag.Pruned).ToList();
        Assert.Equal(10, trials.Count);
        Assert.All(trials, t => Assert.Equal(RunStatus.Finished, t.Info.Status));
        Assert.NotEmpty(pruned);
        Assert.Equal(10 - pruned.Count, trials.Count(t => t.Data.Tag(TrialStateTag.Key) == "COMPLETE"));
        foreach (var trial in pruned)
        {
            var history = await store.GetMetricHistoryAsync(trial.Info.RunId, "roc_auc");
            Assert.InRange(history.Count, 1, 4);
            Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(m => m.Step).Order());
        }

        var complete = trials.First(t => t.Data.Tag(TrialStateTag.Key) == "COMPLETE");
        Assert.Equal([1L, 2, 3, 4, 5], (await store.GetMetricHistoryAsync(complete.Info.RunId, "roc_auc")).Select(m => m.Step).Order());
        var sweep = runs.Single(r => r.Data.Tag(PipelineTags.Role) == PipelineTags.RoleSweep);
        var best = sweep.Data.Tag(PipelineTags.BestRunId);
        Assert.NotNull(best);
        Assert.DoesNotContain(pruned, p => p.Info.RunId == best);
        Assert.Equal(pruned.Count, sweep.Data.Metric("trials_pruned"));
        Assert.Contains(workspace.Reporter.Lines, l => l.Contains("PRUNED after fold", StringComparison.Ordinal));
        Assert.Contains(workspace.Reporter.Lines, l => l.Contains($"{pruned.Count} pruned (#", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StopWhen_MetByTheFirstTrial_StopsTheSweepAndReportsWhatWasNotRun()
    {
        var sweepYaml = PrunedSweep.Replace("  pruner: {type: median, n_startup_trials: 2}\n", "  stop_when: roc_auc >= 0.5\n", StringComparison.Ordinal);
        await using var workspace = PipelineWorkspace.Create("breast-cancer", yaml => WithSweep(yaml, sweepYaml));

        await workspace.RunThroughAsync(StageName.Sweep);

        await using var store = workspace.OpenStore();
        var runs = await RunsAsync(store);
        Assert.Single(runs, r => r.Data.Tag(PipelineTags.Role) == PipelineTags.RoleTrial);
        var sweep = runs.Single(r => r.Data.Tag(PipelineTags.Role) == PipelineTags.RoleSweep);
        Assert.Equal(9, sweep.Data.Metric("trials_not_run"));
        Assert.StartsWith("stop_when 'roc_auc >= 0.5' met by", sweep.Data.Tag("pipeline.sweep.stopped"));
        Assert.EndsWith("9 of 10 trials not run", sweep.Data.Tag("pipeline.sweep.stopped"));
        Assert.Contains(workspace.Reporter.Lines, l => l.Contains("stopped early: stop_when", StringComparison.Ordinal) && l.Contains("9 of 10 declared trials not run", StringComparison.Ordinal));
    }

    [Fact]
    public void Candidates_LeaveOutPrunedAndUnfinishedTrials()
    {
        Run Trial(string id, RunStatus status, string? state) => new(
            new RunInfo(id, "1", id, "u", status, 0, 1, "file:///a", LifecycleStage.Active),
            new RunData([new Metric("roc_auc", 0.99, 0, 1)], [], state is null ? [] : [new RunTag(TrialStateTag.Key, state)]), []);

        var candidates = SelectStage.Candidates(
            [Trial("pruned", RunStatus.Finished, "PRUNED"), Trial("done", RunStatus.Finished, "COMPLETE"), Trial("old", RunStatus.Finished, null), Trial("failed", RunStatus.Failed, "FAIL")]);

        Assert.Equal(["done", "old"], candidates.Select(r => r.Info.RunId));
    }

    private static async Task<IReadOnlyList<Run>> RunsAsync(SqliteTrackingStore store)
    {
        var experiment = (await store.GetExperimentByNameAsync("breast-cancer"))!;
        return (await store.SearchRunsAsync(new RunQuery([experiment.ExperimentId]))).Items;
    }

    [GeneratedRegex(@"(?ms)^sweep:\n.*?(?=^select:)")]
    private static partial Regex SweepSection();
}
