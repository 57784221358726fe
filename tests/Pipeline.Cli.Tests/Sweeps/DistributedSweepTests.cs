using Pipeline.Cli.Tests.Stores;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Sweeps;

namespace Pipeline.Cli.Tests.Sweeps;

/// <summary>
/// Three <c>pipeline run sweep --exclusive</c> processes against one store share one sweep; one is SIGKILLed while it runs a
/// trial. Afterwards every declared trial completed exactly once, none is RUNNING, and the killed worker's trial was retried.
/// Each worker runs two trials at once (<c>sweep.parallelism: 2</c>): parallelism and workers compose.
/// </summary>
public sealed class DistributedSweepTests
{
    private const int Trials = 6;

    [Fact]
    public Task ThreeWorkersOnSqlite_OneKilledMidTrial_EveryTrialCompletesOnceAndTheKilledOneIsRetried() => RunAsync("sqlite");

    [PostgresFact]
    public Task ThreeWorkersOnPostgres_OneKilledMidTrial_EveryTrialCompletesOnceAndTheKilledOneIsRetried() => RunAsync("postgres");

    [Fact]
    public Task ThreeWorkersThroughTrackingServer_OneKilledMidTrial_EveryTrialCompletesOnceAndTheKilledOneIsRetried() => RunAsync("http");

    /// <summary>
    /// TPE samples each trial when a worker claims it, from the queue's trials, and records it before creating the trial's
    /// run; a retry runs the configuration the killed worker sampled, wherever in the trial the kill came.
    /// </summary>
    [PostgresFact]
    public Task ThreeTpeWorkersOnPostgres_OneKilledMidTrial_EveryTrialCompletesOnceAndTheRetryKeepsItsConfiguration() => RunAsync("postgres", tpe: true);

    private static async Task RunAsync(string kind, bool tpe = false)
    {
        await using var backend = await CliBackend.StartAsync(kind);
        var pipeline = WritePipeline(backend.Folder, tpe);
        // The jobs of one execution name it, as CI jobs do with their run id (the shared execution-identity contract).
        var execution = $"dist-{Guid.NewGuid():N}";
        var prepared = await backend.RunAsync("run", "prepare-data", "-p", pipeline, "--execution-id", execution);
        Assert.True(prepared.ExitCode == 0, prepared.Output + prepared.Error);

        string[] sweep = ["run", "sweep", "--exclusive", "-p", pipeline, "--tracking-uri", backend.Uri, "--execution-id", execution];
        using var victim = SweepWorkerProcess.Start(backend.Folder, sweep);
        using var second = SweepWorkerProcess.Start(backend.Folder, sweep);
        using var third = SweepWorkerProcess.Start(backend.Folder, sweep);
        var queue = ((ITrialQueueProvider)backend.Store).TrialQueue;

        var (sweepId, killedTrial) = await KillWhileRunningATrialAsync(backend.Store, queue, victim);
        Assert.Equal(0, await second.WaitAsync(TimeSpan.FromSeconds(90)));
        Assert.Equal(0, await third.WaitAsync(TimeSpan.FromSeconds(90)));

        var trials = await queue.ListAsync(sweepId);
        Assert.Equal(Enumerable.Range(0, Trials), trials.Select(t => t.Number));
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
        Assert.Equal(1, trials[killedTrial].Retries);
        Assert.Contains("stopped heartbeating", second.Output + third.Output);

        var sweepRunId = (await queue.GetSweepAsync(sweepId))!.SweepRunId!;
        Assert.Equal(RunStatus.Finished, (await backend.Store.GetRunAsync(sweepRunId)).Info.Status);
        var children = (await backend.Store.SearchRunsAsync(new RunQuery([(await backend.Store.GetRunAsync(sweepRunId)).Info.ExperimentId],
            $"tags.`mlflow.parentRunId` = '{sweepRunId}'", MaxResults: 1000))).Items;
        Assert.DoesNotContain(children, r => r.Info.Status == RunStatus.Running);
        var finished = children.Where(r => r.Info.Status == RunStatus.Finished).Select(r => r.Data.Tag("pipeline.trial_index")).ToList();
        Assert.Equal(Enumerable.Range(0, Trials).Select(i => i.ToString()), finished.Order(StringComparer.Ordinal));
        // With parallelism 2 the victim may hold two trials when it dies: each abandoned attempt ended FAILED with the reason,
        // the trial reaper's, or the stale-run cleanup's when a worker still starting up (a loaded machine) ran it after the
        // kill and found the owner process gone first.
        var abandoned = children.Where(r => r.Info.Status == RunStatus.Failed).ToList();
        Assert.Contains(abandoned, r => r.Data.Tag("pipeline.trial_index") == killedTrial.ToString());
        Assert.All(abandoned, r => Assert.Matches(@"stopped heartbeating|is gone \(killed or crashed\)", r.Data.Tag("pipeline.failure_reason")));
        Assert.All(abandoned, r => Assert.Equal(1, trials[int.Parse(r.Data.Tag("pipeline.trial_index")!)].Retries));
        Assert.Equal(Trials + abandoned.Count, children.Count);
        // The queue records each trial's configuration (a sampled one before its first attempt creates a run), so every run
        // of a trial ran exactly that: the completing one, the killed attempt, and a second trial the victim held that may
        // have died between creating its run and attaching it.
        Assert.All(children, r => Assert.Equal(trials[int.Parse(r.Data.Tag("pipeline.trial_index")!)].Configuration, r.Data.Tag("pipeline.trial")));
        if (tpe)
            Assert.Equal(Trials, trials.Select(t => t.Configuration).Distinct().Count());

        var select = await backend.RunAsync("run", "select", "--exclusive", "-p", pipeline, "--execution-id", execution);
        Assert.True(select.ExitCode == 0, select.Output + select.Error);
    }

    /// <summary>Waits until the victim runs a trial (it holds it, its pid in the worker id, and started its child run), then SIGKILLs it.</summary>
    private static async Task<(string SweepId, int Trial)> KillWhileRunningATrialAsync(ITrackingStore store, ITrialQueue queue, SweepWorkerProcess victim)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var sweepRun = (await store.SearchRunsAsync(new RunQuery(["0", "1"], "tags.`pipeline.role` = 'sweep'", ViewType.All, MaxResults: 1))).Items.FirstOrDefault();
            if (sweepRun?.Data.Tag("pipeline.sweep_id") is { } sweepId)
            {
                var held = (await queue.ListAsync(sweepId)).FirstOrDefault(t => t.State == TrialState.Running && t.RunId is not null && t.WorkerId!.Contains($"/{victim.Pid}/"));
                if (held is not null)
                {
                    victim.KillHard();
                    await victim.WaitAsync(TimeSpan.FromSeconds(10));
                    return (sweepId, held.Number);
                }
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"the victim never held a trial:\n{victim.Output}");
    }

    private static string WritePipeline(string folder, bool tpe)
    {
        var strategy = tpe ? "strategy: tpe\n  trials: 6\n  tpe: {n_startup_trials: 2}" : "strategy: grid";
        var values = tpe ? "{min: 1.0, max: 3.5}" : "[1.0, 1.5, 2.0, 2.5, 3.0, 3.5]";
        var data = Path.Combine(RepositoryRoot(), "data", "breast_cancer.csv");
        var path = Path.Combine(folder, "distributed.yaml");
        // Small and fast, but each trial long enough (SDCA at high C, cold JIT) to be killed in the middle of; short heartbeats.
        File.WriteAllText(path, $"""
            experiment: distributed
            tracking:
              artifact_root: {Path.Combine(folder, "mlartifacts")}
            data:
              path: {data}
              label: target
              task: binary_classification
              test_fraction: 0.2
              seed: 42
            sweep:
              {strategy}
              cv_folds: 3
              parallelism: 2
              max_retries: 1
              heartbeat_interval: 0.5
              heartbeat_timeout: 2
              search_space:
                - trainer: sdca_logistic_regression
                  params:
                    C: {values}
            select:
              metric: roc_auc
              direction: maximize
            model:
              name: distributed-model
            """);
        return path;
    }

    private static string RepositoryRoot() => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(CliProcess.DllPath)!, "..", "..", "..", "..", ".."));
}
