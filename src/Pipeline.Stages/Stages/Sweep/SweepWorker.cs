using System.Collections.Concurrent;
using System.Globalization;
using Pipeline.Stages.Running;
using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages.Sweep.Sampling;
using Pipeline.Tracking.Sweeps;
using TrialState = Pipeline.Tracking.Sweeps.TrialState;

namespace Pipeline.Stages.Stages.Sweep;

/// <summary>
/// One worker of a shared sweep: <c>parallelism</c> loops that each take back trials of dead workers, claim the next
/// queued trial, run it while heartbeating it, and record how it ended. A loop stops when nothing is queued or running,
/// so a worker never leaves while another worker's trial may still need a retry.
/// </summary>
/// <remarks>
/// <paramref name="history"/> is this worker's record for the pruner: a pruner in a shared sweep compares a trial with
/// the trials this worker ran (all of them when one worker runs the sweep, as on a single machine).
/// </remarks>
internal sealed class SweepWorker(SweepQueue sweep, string workerId, TrialSource source, TrialRunner runner, TrialHistory history, string metric, SweepWorkerServices services)
{
    private readonly ConcurrentBag<TrialOutcome> _outcomes = [];
    private long _nextReap;
    // Completed (and replaced) each time one of this worker's loops ends a trial: a loop waiting for running trials
    // wakes as soon as a sibling loop's trial ends instead of sleeping out the heartbeat interval (10 s by default,
    // which a single-worker sweep paid in full whenever its last two trials ended at different times).
    private TaskCompletionSource _trialEnded = NewSignal();

    /// <summary>Runs until the sweep has no queued or running trial; returns the trials this worker ran (lost attempts excluded).</summary>
    public async Task<IReadOnlyList<TrialOutcome>> RunAsync(SweepSpec spec, SweepProgress progress, CancellationToken ct)
    {
        await Task.WhenAll(Enumerable.Range(0, spec.Parallelism).Select(_ => Task.Run(() => LoopAsync(spec, progress, ct), ct)));
        return _outcomes.Where(o => !o.Lost).OrderBy(o => o.Trial.Index).ToList();
    }

    private async Task LoopAsync(SweepSpec spec, SweepProgress progress, CancellationToken ct)
    {
        var queue = services.Queue;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (ReapDue(spec.HeartbeatInterval))
                await services.Reaper.ReapAsync(sweep, spec, ct);
            if (await queue.ClaimAsync(sweep.SweepId, workerId, ct) is { } claimed)
            {
                try
                {
                    var outcome = await RunClaimedAsync(claimed, spec, ct);
                    _outcomes.Add(outcome);
                    if (!outcome.Lost)
                        progress.Completed(outcome, await queue.CountAsync(sweep.SweepId, ct));
                }
                finally
                {
                    Interlocked.Exchange(ref _trialEnded, NewSignal()).TrySetResult();
                }

                continue;
            }

            // Taken before counting, so a sibling's trial ending after the count still wakes this loop.
            var siblingEnded = Volatile.Read(ref _trialEnded).Task;
            var counts = await queue.CountAsync(sweep.SweepId, ct);
            if (counts.Queued > 0)
                continue;
            if (counts.Running == 0)
                return;
            // Others still run trials: wait for them, and take theirs back should they die.
            await WaitAsync(siblingEnded, spec.HeartbeatInterval, ct);
        }
    }

    /// <summary>Waits one heartbeat interval, or less when one of this worker's own trials ends first (the timer is then released).</summary>
    private async Task WaitAsync(Task siblingEnded, TimeSpan interval, CancellationToken ct)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await Task.WhenAny(Task.Delay(interval, services.Time, wake.Token), siblingEnded);
        await wake.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Reaping at most once per heartbeat interval per worker is enough (a trial is stale only after several intervals) and
    /// keeps a short trial's overhead to its claim and finish.
    /// </summary>
    private bool ReapDue(TimeSpan interval)
    {
        var now = services.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var next = Interlocked.Read(ref _nextReap);
        return now >= next && Interlocked.CompareExchange(ref _nextReap, now + (long)interval.TotalMilliseconds, next) == next;
    }

    private async Task<TrialOutcome> RunClaimedAsync(ClaimedTrial claimed, SweepSpec spec, CancellationToken ct)
    {
        var queue = services.Queue;
        var trial = await source.ResolveAsync(claimed, ct);
        if (!await RecordAsync(claimed, trial, ct))
            return TakenBack(trial);
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var stopHeartbeat = new CancellationTokenSource();
        var heartbeat = HeartbeatAsync(claimed.Number, spec.HeartbeatInterval, lost, stopHeartbeat.Token);
        var attempt = new QueuedTrialAttempt(
            new Dictionary<string, string>
            {
                [PipelineTags.Owner] = workerId,
                [PipelineTags.SweepId] = sweep.SweepId,
                [PipelineTags.TrialAttempt] = (claimed.Retries + 1).ToString(CultureInfo.InvariantCulture),
            },
            // The configuration is in the queue already (RecordAsync, before the run existed); it goes with the attach too, the
            // same text, for a tracking server from before RecordConfigurationAsync.
            (runId, token) => queue.AttachAsync(sweep.SweepId, claimed.Number, workerId, runId, trial.ToString(), token),
            async (outcome, token) =>
            {
                // The heartbeat stops first: a beat after the finish would find the trial no longer RUNNING and take it
                // for lost, cancelling the attempt between the queue's COMPLETE and the run's FINISHED.
                await StopAsync(stopHeartbeat, heartbeat);
                // A pruned trial is COMPLETE in the queue (ended for good, never retried); its run's tag says PRUNED.
                return await queue.FinishAsync(sweep.SweepId, claimed.Number, workerId,
                    outcome.Error is null ? TrialState.Complete : TrialState.Failed, outcome.Error, token);
            });
        history.Start(trial.Index, trial);
        try
        {
            var outcome = await runner.RunAsync(trial, lost.Token, attempt);
            history.Finish(trial.Index, outcome.State, outcome.Metrics.TryGetValue(metric, out var value) ? value : null);
            return outcome;
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return TakenBack(trial);
        }
        finally
        {
            await StopAsync(stopHeartbeat, heartbeat);
        }
    }

    /// <summary>
    /// Records a configuration the queue does not hold yet (a sampled trial's first attempt, or one whose recorded text no
    /// longer parses) before the trial's run is created: a retry after this process dies at any later moment, even before
    /// the run is attached, then runs the same configuration. False when the trial was taken back meanwhile.
    /// </summary>
    private async Task<bool> RecordAsync(ClaimedTrial claimed, TrialConfiguration trial, CancellationToken ct)
    {
        var configuration = trial.ToString();
        return claimed.Configuration == configuration
            || await services.Queue.RecordConfigurationAsync(sweep.SweepId, claimed.Number, workerId, configuration, ct);
    }

    private static TrialOutcome TakenBack(TrialConfiguration trial) =>
        new(trial, "", new Dictionary<string, double>(), "taken back from this worker") { Lost = true };

    private static async Task StopAsync(CancellationTokenSource stop, Task heartbeat)
    {
        if (!stop.IsCancellationRequested)
            await stop.CancelAsync();
        await heartbeat;
    }

    /// <summary>Renews the trial's heartbeat until stopped; when the queue says the trial was taken back, cancels the attempt.</summary>
    private async Task HeartbeatAsync(int number, TimeSpan interval, CancellationTokenSource lost, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(interval, services.Time, stop);
                try
                {
                    if (!await services.Queue.HeartbeatAsync(sweep.SweepId, number, workerId, stop))
                    {
                        services.Reporter.Warning($"  trial {number}: taken back from this worker (its heartbeat was late); another attempt runs it.");
                        await lost.CancelAsync();
                        return;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A store hiccup: the next beat may get through before the timeout (which is more than two intervals).
                    services.Reporter.Warning($"  trial {number}: heartbeat failed ({e.Message}); retrying.");
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}
