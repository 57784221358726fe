using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages.Sweep.Sampling;

namespace Pipeline.Stages.Stages.Sweep;

/// <summary>How one trial ended: its run, its cross-validated metric means, or the error that stopped it.</summary>
public sealed record TrialOutcome(TrialConfiguration Trial, string RunId, IReadOnlyDictionary<string, double> Metrics, string? Error)
{
    /// <summary>True when a shared sweep's queue took the trial back from this worker before it ended: another attempt counts, not this one.</summary>
    public bool Lost { get; init; }

    /// <summary>Complete, pruned (stopped by the pruner; <see cref="Metrics"/> empty) or failed.</summary>
    public TrialState State { get; init; } = Error is null ? TrialState.Complete : TrialState.Failed;

    /// <summary>For a pruned trial: the fold after which it was stopped, and the running mean it had then.</summary>
    public (int Step, double Value)? PrunedAt { get; init; }
}
