using System.Globalization;
using Pipeline.Tracking.Entities;

namespace Pipeline.Tracking.Runs.Liveness;

/// <summary>
/// The staleness rule. A RUNNING run with an owner tag is dead when its owner is on this host and that process is gone
/// (checked at once, no waiting), or when its heartbeat is older than the timeout (any host, so it works across
/// machines). Runs without an owner tag (opened by MLflow's own clients, or before liveness existed) are never judged.
/// </summary>
/// <param name="host">This machine's name, compared with the owner's host.</param>
/// <param name="processes">Whether an owner process on this host still runs.</param>
/// <param name="timeout">How old a heartbeat may get (<see cref="LivenessOptions.Timeout"/>).</param>
public sealed class RunLiveness(string host, IProcessTable processes, TimeSpan timeout)
{
    /// <summary>Why <paramref name="run"/> is dead at <paramref name="now"/> (one line), or null when it is alive or not ours to judge.</summary>
    public string? DeathReason(Run run, DateTimeOffset now)
    {
        if (run.Info.Status != RunStatus.Running || RunOwner.TryParse(run.Data.Tag(LivenessTags.Owner)) is not { } owner)
            return null;
        if (string.Equals(owner.Host, host, StringComparison.OrdinalIgnoreCase) && !processes.IsRunning(owner.ProcessId, owner.ProcessStartUnixMs))
            return $"owner process {owner.ProcessId} on {owner.Host} is gone (killed or crashed) while the run was RUNNING";
        var beat = LastHeartbeat(run);
        var age = now - beat;
        return age > timeout
            ? string.Create(CultureInfo.InvariantCulture,
                $"no heartbeat from owner {owner} for {age.TotalSeconds:F0} s (timeout {timeout.TotalSeconds:F0} s; last at {beat:yyyy-MM-ddTHH:mm:ssZ})")
            : null;
    }

    /// <summary>The last heartbeat, or the run's start when none was written.</summary>
    public static DateTimeOffset LastHeartbeat(Run run) =>
        DateTimeOffset.FromUnixTimeMilliseconds(
            long.TryParse(run.Data.Tag(LivenessTags.Heartbeat), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms : run.Info.StartTime);
}
