using Pipeline.Tracking.Entities;

namespace Pipeline.Tracking.Runs.Liveness;

/// <summary>A RUNNING run whose owner is gone, and why (<see cref="RunLiveness.DeathReason"/>).</summary>
/// <param name="Run">The run as it was found (still RUNNING).</param>
/// <param name="Reason">One line; recorded as <see cref="LivenessTags.FailureReason"/>.</param>
/// <param name="Ended">Whether it was ended FAILED (false on a dry run, or when its owner ended it meanwhile).</param>
public sealed record DeadRun(Run Run, string Reason, bool Ended);
