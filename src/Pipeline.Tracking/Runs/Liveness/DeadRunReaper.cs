using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Tracking.Runs.Liveness;

/// <summary>
/// Finds RUNNING runs whose owner is dead (<see cref="RunLiveness"/>) and ends them FAILED with
/// <see cref="LivenessTags.FailureReason"/>, end time = their last heartbeat (when the owner was last known alive).
/// Partial metrics, params and artifacts stay: they happened. What the stages run at their start and
/// <c>pipeline runs cleanup</c> runs on demand, like Optuna's heartbeat check failing stale trials.
/// </summary>
public sealed class DeadRunReaper(ITrackingStore store, RunLiveness liveness, TimeProvider time)
{
    /// <summary>A reaper with this host's name, the system's process table and <paramref name="options"/>' timeout.</summary>
    public static DeadRunReaper For(ITrackingStore store, LivenessOptions options, TimeProvider time) =>
        new(store, new RunLiveness(Environment.MachineName, new SystemProcessTable(), options.Timeout), time);

    /// <summary>The dead runs of <paramref name="experimentIds"/>; ended FAILED unless <paramref name="dryRun"/>.</summary>
    public async Task<IReadOnlyList<DeadRun>> ReapAsync(IReadOnlyList<string> experimentIds, bool dryRun = false, CancellationToken ct = default)
    {
        var dead = new List<DeadRun>();
        if (experimentIds.Count == 0)
            return dead;
        var now = time.GetUtcNow();
        string? token = null;
        var found = new List<(Run Run, string Reason)>();
        do
        {
            var page = await store.SearchRunsAsync(new RunQuery(experimentIds, "attributes.status = 'RUNNING'", PageToken: token), ct).ConfigureAwait(false);
            foreach (var run in page.Items)
                if (liveness.DeathReason(run, now) is { } reason)
                    found.Add((run, reason));
            token = page.NextPageToken;
        }
        while (token is not null);

        foreach (var (run, reason) in found)
            dead.Add(new DeadRun(run, reason, !dryRun && await EndAsync(run, reason, ct).ConfigureAwait(false)));
        return dead;
    }

    private async Task<bool> EndAsync(Run run, string reason, CancellationToken ct)
    {
        // Read again just before ending: the owner (or another reaper) may have ended it since the search.
        var current = await store.GetRunAsync(run.Info.RunId, ct).ConfigureAwait(false);
        if (current.Info.Status != RunStatus.Running)
            return false;
        var end = Math.Max(current.Info.StartTime, RunLiveness.LastHeartbeat(current).ToUnixTimeMilliseconds());
        await store.SetTagAsync(run.Info.RunId, new RunTag(LivenessTags.FailureReason, reason), ct).ConfigureAwait(false);
        await store.UpdateRunInfoAsync(run.Info.RunId, RunStatus.Failed, end, null, ct).ConfigureAwait(false);
        return true;
    }
}
