using System.Globalization;
using System.Text.Json;
using Pipeline.Cli.Tests.Stores;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Cli.Tests.Concurrency;

/// <summary>
/// Issue 10 §4: a <c>pipeline run</c> killed with SIGKILL mid-sweep leaves its sweep and trials RUNNING; the next stage
/// (and <c>pipeline runs cleanup</c>) ends them FAILED with <c>pipeline.failure_reason</c>, their metrics kept, and the
/// next run selects none of them.
/// </summary>
public sealed class KilledPipelineTests
{
    private const string Sweep = "sweep";

    [Fact]
    public async Task PipelineKilledMidSweep_NextStageEndsItsRunsFailed_AndNextRunSelectsNoneOfThem()
    {
        // Given a pipeline whose sweep takes a while (30 trials, 5 folds, one at a time), heartbeats every 0.2 s
        await using var backend = await CliBackend.StartAsync("sqlite");
        PipelineFolder.Write(backend.Folder, string.Join(", ", Enumerable.Range(1, 30).Select(i => (i * 0.1).ToString("0.0", CultureInfo.InvariantCulture))), folds: 5);
        var environment = PipelineFolder.Environment();
        environment["PIPELINE_HEARTBEAT_INTERVAL"] = "0.2";
        var (process, output) = PipelineFolder.Start(backend.Folder, environment,
            "run", Sweep, "--pipeline", "pipeline.yaml", "--tracking-uri", backend.Uri);

        // When it is killed with SIGKILL once a trial finished and another is running
        var sweepRun = await WaitForAsync(async () =>
        {
            var sweep = await FindAsync(backend.Store, "tags.`pipeline.role` = 'sweep'");
            if (sweep.Count != 1)
                return null;
            var trials = await ChildrenAsync(backend.Store, sweep[0].Info.RunId);
            return trials.Any(t => t.Info.Status == RunStatus.Finished) && trials.Any(t => t.Info.Status == RunStatus.Running) ? sweep[0] : null;
        }, process, output);
        process.Kill(); // SIGKILL on Linux: nothing in the process runs, no handler ends its runs
        await process.WaitForExitAsync();
        process.Dispose();

        var before = await ChildrenAsync(backend.Store, sweepRun.Info.RunId);
        var killedTrials = before.Where(t => t.Info.Status == RunStatus.Running).Select(t => t.Info.RunId).ToList();
        var sweepNow = await backend.Store.GetRunAsync(sweepRun.Info.RunId);
        Assert.Equal(RunStatus.Running, sweepNow.Info.Status);
        Assert.NotEmpty(killedTrials);
        Assert.True(long.Parse(sweepNow.Data.Tag("pipeline.heartbeat")!, CultureInfo.InvariantCulture) > sweepNow.Info.StartTime, "the heartbeat was never renewed");
        var metricsBefore = before.Sum(t => t.Data.Metrics.Count) + sweepNow.Data.Metrics.Count;

        // Then `runs cleanup --dry-run` lists them and changes nothing
        var dry = await backend.RunAsync("runs", "cleanup", "--experiment", PipelineFolder.Experiment, "--dry-run", "--output", "json");
        Assert.True(dry.ExitCode == 0, dry.Error);
        var listed = JsonDocument.Parse(dry.Output).RootElement.EnumerateArray().Select(e => e.GetProperty("run_id").GetString()).ToList();
        Assert.Contains(sweepRun.Info.RunId, listed);
        Assert.All(killedTrials, t => Assert.Contains(t, listed));
        Assert.Equal(RunStatus.Running, (await backend.Store.GetRunAsync(sweepRun.Info.RunId)).Info.Status);

        // When the next run (a small grid now) starts: its first stage ends the dead runs, and its selection succeeds
        PipelineFolder.Write(backend.Folder);
        var next = await CliProcess.RunAsync(CliProcess.DllPath, TimeSpan.FromMinutes(2), backend.Folder, PipelineFolder.Environment(),
            "run", "select", "--force", "--pipeline", "pipeline.yaml", "--tracking-uri", backend.Uri);
        Assert.True(next.ExitCode == 0, next.Output + next.Error);
        Assert.Contains("as FAILED: owner process", next.Output + next.Error, StringComparison.Ordinal);

        // Then the killed sweep and its running trials are FAILED with the reason and an end time; their metrics stayed
        foreach (var id in killedTrials.Append(sweepRun.Info.RunId))
        {
            var run = await backend.Store.GetRunAsync(id);
            Assert.Equal(RunStatus.Failed, run.Info.Status);
            Assert.Contains("is gone", run.Data.Tag("pipeline.failure_reason"), StringComparison.Ordinal);
            Assert.NotNull(run.Info.EndTime);
        }
        var after = await ChildrenAsync(backend.Store, sweepRun.Info.RunId);
        Assert.Equal(metricsBefore, after.Sum(t => t.Data.Metrics.Count) + (await backend.Store.GetRunAsync(sweepRun.Info.RunId)).Data.Metrics.Count);

        // And the new selection is a trial of the new sweep, none of the killed ones
        var sweeps = await FindAsync(backend.Store, "tags.`pipeline.role` = 'sweep' and attributes.status = 'FINISHED'");
        var best = Assert.Single(sweeps).Data.Tag("pipeline.best_run_id")!;
        Assert.DoesNotContain(best, before.Select(t => t.Info.RunId));
        Assert.Equal(Assert.Single(sweeps).Info.RunId, (await backend.Store.GetRunAsync(best)).Data.Tag(SystemTags.ParentRunId));

        // And nothing is left for `runs cleanup`
        var clean = await backend.RunAsync("runs", "cleanup", "--output", "json");
        Assert.True(clean.ExitCode == 0, clean.Error);
        Assert.Equal("[]", clean.Output.Trim());
    }

    private static async Task<Run> WaitForAsync(Func<Task<Run?>> condition, System.Diagnostics.Process process, Func<string> output)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"the pipeline ended before it could be killed:\n{output()}");
            try
            {
                if (await condition() is { } run)
                    return run;
            }
            catch (Exception e) when (e is Tracking.TrackingException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
            {
                // The store is still being created.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"the sweep never had a finished and a running trial:\n{output()}");
    }

    private static async Task<IReadOnlyList<Run>> FindAsync(ITrackingStore store, string filter)
    {
        var experiment = await store.GetExperimentByNameAsync(PipelineFolder.Experiment);
        return experiment is null ? [] : (await store.SearchRunsAsync(new RunQuery([experiment.ExperimentId], filter))).Items;
    }

    private static Task<IReadOnlyList<Run>> ChildrenAsync(ITrackingStore store, string parentRunId) =>
        FindAsync(store, $"tags.`{SystemTags.ParentRunId}` = '{parentRunId}'");
}
