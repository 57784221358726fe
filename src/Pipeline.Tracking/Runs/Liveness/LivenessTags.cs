namespace Pipeline.Tracking.Runs.Liveness;

/// <summary>
/// The tags that say whether a RUNNING run still has a live owner (see <see cref="RunLiveness"/>). Written by
/// <see cref="TrackingClient"/> when <see cref="TrackingClientOptions.Heartbeat"/> is set; read by <see cref="DeadRunReaper"/>.
/// </summary>
public static class LivenessTags
{
    /// <summary>The process that opened the run: <c>host/pid/processStartUnixMs</c> (see <see cref="RunOwner"/>).</summary>
    public const string Owner = "pipeline.owner";

    /// <summary>Unix milliseconds of the owner's last sign of life, renewed on an interval while the run is RUNNING.</summary>
    public const string Heartbeat = "pipeline.heartbeat";

    /// <summary>On a run ended FAILED because its owner died: one line saying why.</summary>
    public const string FailureReason = "pipeline.failure_reason";
}
