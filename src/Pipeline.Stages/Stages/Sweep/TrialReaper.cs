using System.Globalization;
using Pipeline.Stages.Running;
using Pipeline.Stages.Spec;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Sweeps;

namespace Pipeline.Stages.Stages.Sweep;

/// <summary>
/// Takes trials back from workers that stopped heartbeating (Optuna's <c>fail_stale_trials</c>): the queue re-queues them
/// (or fails them once their retries are used up), and the abandoned attempt's child run is ended FAILED with
/// <c>pipeline.failure_reason</c>, so no child run stays RUNNING. Any worker of the sweep reaps; only one wins each trial.
/// </summary>
internal sealed class TrialReaper(ITrialQueue queue, ITrackingStore store, IStageReporter reporter, TimeProvider time)
{
    public async Task ReapAsync(SweepQueue sweep, SweepSpec spec, CancellationToken ct)
    {
        foreach (var trial in await queue.ReapAsync(sweep.SweepId, spec.HeartbeatTimeout, ct))
        {
            var silent = TimeSpan.FromMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds() - trial.LastHeartbeat);
            var next = trial.Requeued
                ? $"queued again (retry {trial.Retries} of {sweep.MaxRetries})"
                : $"FAILED for good ({sweep.MaxRetries} retries used)";
            var reason = string.Create(CultureInfo.InvariantCulture,
                $"worker {trial.WorkerId} stopped heartbeating trial {trial.Number} (no heartbeat for {silent.TotalSeconds:F0} s, timeout {spec.HeartbeatTimeout.TotalSeconds:F0} s); the trial was {next}");
            reporter.Warning($"  {reason}.");
            foreach (var runId in await AbandonedRunsAsync(sweep, trial, ct))
            {
                await store.SetTagAsync(runId, new RunTag(PipelineTags.FailureReason, reason), ct);
                await store.UpdateRunInfoAsync(runId, RunStatus.Failed, time.GetUtcNow().ToUnixTimeMilliseconds(), null, ct);
            }
        }
    }

    /// <summary>
    /// The RUNNING child runs of the dead worker's attempt: the one it attached, and any it started but died before
    /// attaching (found by its owner and trial tags).
    /// </summary>
    private async Task<IReadOnlyCollection<string>> AbandonedRunsAsync(SweepQueue sweep, ReapedTrial trial, CancellationToken ct)
    {
        var runs = new HashSet<string>(StringComparer.Ordinal);
        if (trial.RunId is { } attached && (await store.GetRunAsync(attached, ct)).Info.Status == RunStatus.Running)
            runs.Add(attached);
        if (sweep.SweepRunId is { } parent)
        {
            var filter = $"tags.`{SystemTags.ParentRunId}` = '{parent}' and tags.`{PipelineTags.Owner}` = '{trial.WorkerId.Replace("'", "''", StringComparison.Ordinal)}'"
                + $" and tags.`{PipelineTags.TrialIndex}` = '{trial.Number.ToString(CultureInfo.InvariantCulture)}' and attributes.status = 'RUNNING'";
            var page = await store.SearchRunsAsync(new RunQuery([sweep.ExperimentId], filter), ct);
            runs.UnionWith(page.Items.Select(r => r.Info.RunId));
        }

        return runs;
    }
}
