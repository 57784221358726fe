using Pipeline.Stages.Running;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Runs;
using Pipeline.Stages.Stages.Sweep.Pruning;
using Pipeline.Stages.Stages.Sweep.Sampling;
using Pipeline.Tracking.Sweeps;
using TrialState = Pipeline.Tracking.Sweeps.TrialState;

namespace Pipeline.Stages.Stages.Sweep;

/// <summary>The sweep shared by workers through the store's trial queue.</summary>
public sealed partial class SweepStage
{
    private static readonly TimeSpan SweepRunPoll = TimeSpan.FromMilliseconds(200);

    /// <summary>Runs this process as one worker of the shared sweep; null when the store has no queue (the caller runs the sweep alone).</summary>
    private async Task<SweepOutput?> RunSharedAsync(SweepInput input, Func<SharedSweepOptions, TrialSource> sourceOf, SharedSweepOptions options, CancellationToken ct)
    {
        var source = sourceOf(options);
        var queue = options.Queue;
        SweepQueue sweep;
        try
        {
            sweep = await queue.CreateOrJoinAsync(new SweepQueueRequest(options.SweepId, input.ExperimentId, source.Declared(), input.Sweep.MaxRetries), ct);
        }
        catch (TrialQueueUnavailableException e)
        {
            reporter.Warning($"Sweep: {e.Message} This sweep runs with one worker, in this process; other machines running the same command would repeat it.");
            return null;
        }
        catch (SweepQueueMismatchException e)
        {
            throw new PipelineException($"Sweep: {e.Message}");
        }

        if (!sweep.Created && await IsDeletedAsync(sweep, options, ct) && !(await queue.CountAsync(sweep.SweepId, ct)).Pending)
        {
            // The sweep this id names is over and its run was deleted: nothing to join, so a fresh sweep runs (unshared).
            reporter.Warning($"Sweep: shared sweep {sweep.SweepId} is over and its run {sweep.SweepRunId} was deleted; running a fresh sweep.");
            return await RunSharedAsync(input, sourceOf, options with { SweepId = $"{options.SweepId}-{Guid.NewGuid():N}" }, ct);
        }

        await using var parent = sweep.Created ? await StartParentAsync(input, source.Count, sweep.SweepId, ct) : null;
        if (parent is not null)
        {
            await queue.SetSweepRunAsync(sweep.SweepId, parent.RunId, ct);
            sweep = sweep with { SweepRunId = parent.RunId };
            reporter.Info($"Sweep run {parent.RunId}: created shared sweep {sweep.SweepId}: {source.Count} trials, {input.Sweep.CvFolds}-fold cross-validation on {input.Train.RowCount} training rows, {input.Sweep.Parallelism} at a time in this worker; more workers join by running the same command against this store.");
        }
        else
        {
            if (source.FirstDifference(await queue.ListAsync(sweep.SweepId, ct)) is { } difference)
                throw new PipelineException($"Sweep: this worker's trials differ from those of sweep {sweep.SweepId} ({difference}); workers of one sweep run the same pipeline file on the same data.");
            sweep = await WaitForSweepRunAsync(sweep, input, ct);
            var counts = await queue.CountAsync(sweep.SweepId, ct);
            reporter.Info($"Sweep run {sweep.SweepRunId}: joined shared sweep {sweep.SweepId} ({counts.Done} of {sweep.Trials} trials done, {counts.Running} running on {counts.ActiveWorkers} worker{(counts.ActiveWorkers == 1 ? "" : "s")}); {input.Sweep.Parallelism} at a time in this worker.");
        }

        var progress = new SweepProgress(source.Count, input.Select, reporter, time);
        var services = new SweepWorkerServices(queue, new TrialReaper(queue, options.Store, reporter, time), reporter, time);
        var history = new TrialHistory();
        var pruner = TrialPrunerFactory.Create(input.Sweep.Pruner, input.Select.Direction, input.Sweep.CvFolds);
        var runner = new TrialRunner(tracking, input, sweep.SweepRunId!, history, pruner, time);
        var worker = new SweepWorker(sweep, options.WorkerId, source, runner, history, input.Select.Metric, services);
        var mine = await worker.RunAsync(input.Sweep, progress, ct);
        var final = await queue.CountAsync(sweep.SweepId, ct);
        var pruned = pruner is null ? [] : await PrunedTrialsAsync(sweep.SweepId, options, ct);
        await EndSweepRunAsync(parent, sweep.SweepRunId!, final, pruned.Count, options, ct);
        if (final.Complete == 0)
        {
            var first = (await queue.ListAsync(sweep.SweepId, ct)).FirstOrDefault(t => t.Error is not null)?.Error;
            throw new PipelineException($"Sweep: all {final.Failed} trials of sweep {sweep.SweepId} failed; the first error: {first}. Fix it and rerun with --force (a fresh sweep).");
        }

        reporter.Info($"Sweep finished: {final.Complete - pruned.Count} of {sweep.Trials} trials complete{(pruned.Count > 0 ? $", {pruned.Count} pruned (#{string.Join(", #", pruned)})" : "")}{(final.Failed > 0 ? $", {final.Failed} failed" : "")}; this worker ran {mine.Count}, best of them {progress.BestDescription}.");
        return new SweepOutput(sweep.SweepRunId!, sweep.Trials, final.Failed, progress.Best) { Pruned = pruned.Count };
    }

    /// <summary>The pruned trials' numbers (1-based, as the progress lines show them): COMPLETE in the queue (ended for good), PRUNED by their runs' tags.</summary>
    private static async Task<IReadOnlyList<int>> PrunedTrialsAsync(string sweepId, SharedSweepOptions options, CancellationToken ct)
    {
        var pruned = new List<int>();
        foreach (var trial in await options.Queue.ListAsync(sweepId, ct))
        {
            if (trial is { State: TrialState.Complete, RunId: { } runId }
                && (await options.Store.GetRunAsync(runId, ct)).Data.Tag(TrialStateTag.Key) == TrialStateTag.Pruned)
                pruned.Add(trial.Number + 1);
        }

        return pruned;
    }

    private static async Task<bool> IsDeletedAsync(SweepQueue sweep, SharedSweepOptions options, CancellationToken ct)
    {
        if (sweep.SweepRunId is not { } runId)
            return false;
        try
        {
            return (await options.Store.GetRunAsync(runId, ct)).Info.LifecycleStage == LifecycleStage.Deleted;
        }
        catch (Tracking.TrackingException e) when (e.Code == Tracking.ErrorCode.ResourceDoesNotExist)
        {
            return true;
        }
    }

    /// <summary>A joining worker waits for the creating worker to start the sweep run (milliseconds after the queue exists).</summary>
    private async Task<SweepQueue> WaitForSweepRunAsync(SweepQueue sweep, SweepInput input, CancellationToken ct)
    {
        var deadline = time.GetUtcNow() + input.Sweep.HeartbeatTimeout;
        while (sweep.SweepRunId is null)
        {
            if (time.GetUtcNow() > deadline)
            {
                throw new PipelineException(
                    $"Sweep: the worker that created shared sweep {sweep.SweepId} has not started its sweep run within {input.Sweep.HeartbeatTimeout.TotalSeconds:F0} s (heartbeat_timeout); it probably died. Rerun with --force, or with another --sweep-id.");
            }

            await Task.Delay(SweepRunPoll, time, ct);
            sweep = await shared!.Queue.GetSweepAsync(sweep.SweepId, ct) ?? sweep;
        }

        return sweep;
    }

    /// <summary>
    /// Every worker leaves the sweep run ended once no trial is queued or running: FINISHED when a trial completed, else FAILED.
    /// The creator ends its own run; the others end it when the creator died or left first.
    /// </summary>
    private async Task EndSweepRunAsync(ActiveRun? parent, string sweepRunId, TrialCounts counts, int pruned, SharedSweepOptions options, CancellationToken ct)
    {
        var status = counts.Complete == 0 ? RunStatus.Failed : RunStatus.Finished;
        var run = await options.Store.GetRunAsync(sweepRunId, ct);
        if (run.Info.Status == RunStatus.Running)
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            await options.Store.LogBatchAsync(sweepRunId,
                [new Metric("trials_finished", counts.Complete - pruned, now, 0), new Metric("trials_failed", counts.Failed, now, 0), new Metric("trials_pruned", pruned, now, 0)], [], [], ct);
        }

        if (parent is not null && await parent.EndAsync(status, ct))
            return;
        if (run.Info.Status != status)
            await options.Store.UpdateRunInfoAsync(sweepRunId, status, time.GetUtcNow().ToUnixTimeMilliseconds(), null, ct);
    }
}
