using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Stages.Running;
using Pipeline.Stages.Stages;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Sweeps;

namespace Pipeline.Stages.Tests.EndToEnd;

/// <summary>
/// A shared TPE sweep whose earlier worker died after recording a trial's sampled configuration but before attaching the
/// trial's run (the moment a kill -9 used to lose the configuration in): the retry runs exactly what was recorded.
/// </summary>
public sealed partial class SharedTpeRetryTests
{
    private const string DeadWorker = "dead-host/4242/1";

    // Not a value TPE would sample here by chance: a retry that sampled afresh could not match it.
    private const string Recorded = "lbfgs_logistic_regression(C=0.0123)";

    private const string ThreeTpeTrials = """
        sweep:
          strategy: tpe
          trials: 3
          seed: 42
          cv_folds: 3
          max_retries: 1
          tpe: {n_startup_trials: 2}
          search_space:
            - trainer: lbfgs_logistic_regression
              params:
                C: {min: 0.0001, max: 10, log: true}

        """;

    [Fact]
    public async Task SharedTpeSweep_WorkerDiedAfterRecordingButBeforeAttaching_TheRetryRunsTheRecordedConfiguration()
    {
        // Given: a worker, an hour ago by the store's clock (so its heartbeat is long stale), created the sweep, claimed
        // trial 0, recorded the configuration it sampled and died before its run was attached.
        await using var workspace = PipelineWorkspace.Create("breast-cancer", yaml => SweepSection().Replace(yaml, ThreeTpeTrials));
        await workspace.RunThroughAsync(StageName.PrepareData);
        var sweepId = $"died-before-attach-{Guid.NewGuid():N}";
        await LeaveDeadWorkerAsync(workspace, sweepId);

        // When: a live worker joins the sweep.
        var result = await workspace.RunSweepWorkerAsync(sweepId).WaitAsync(TimeSpan.FromMinutes(3));

        // Then: it took trial 0 back and ran the recorded configuration, and the queue still holds it.
        Assert.Equal(StageOutcome.Succeeded, result.Outcome);
        Assert.Contains(workspace.Reporter.Lines, l => l.Contains($"worker {DeadWorker} stopped heartbeating trial 0", StringComparison.Ordinal));
        await using var store = workspace.OpenStore();
        var trials = await store.TrialQueue.ListAsync(sweepId);
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
        Assert.Equal((Recorded, 1), (trials[0].Configuration, trials[0].Retries));
        var retried = await store.GetRunAsync(trials[0].RunId!);
        Assert.Equal((RunStatus.Finished, Recorded, "0.0123", "2"),
            (retried.Info.Status, retried.Data.Tag(PipelineTags.TrialConfiguration), retried.Data.Param("C"), retried.Data.Tag(PipelineTags.TrialAttempt)));
    }

    private static async Task LeaveDeadWorkerAsync(PipelineWorkspace workspace, string sweepId)
    {
        var anHourAgo = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-1));
        await using var store = workspace.OpenStore(anHourAgo);
        var experimentId = (await store.GetExperimentByNameAsync("breast-cancer"))!.ExperimentId;
        var queue = store.TrialQueue;
        await queue.CreateOrJoinAsync(new SweepQueueRequest(sweepId, experimentId, [null, null, null]));
        var sweepRun = await store.CreateRunAsync(experimentId, "dead", anHourAgo.GetUtcNow().ToUnixTimeMilliseconds(),
            [new RunTag(PipelineTags.Role, PipelineTags.RoleSweep), new RunTag(PipelineTags.SweepId, sweepId)], "tpe sweep, 3 trials");
        await queue.SetSweepRunAsync(sweepId, sweepRun.Info.RunId);
        var claimed = await queue.ClaimAsync(sweepId, DeadWorker);
        Assert.True(await queue.RecordConfigurationAsync(sweepId, claimed!.Number, DeadWorker, Recorded));
    }

    [GeneratedRegex(@"(?ms)^sweep:\n.*?(?=^select:)")]
    private static partial Regex SweepSection();
}
