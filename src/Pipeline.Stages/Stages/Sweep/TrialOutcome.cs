using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Stages.Sweep;

/// <summary>How one trial ended: its run, its cross-validated metric means, or the error that stopped it.</summary>
public sealed record TrialOutcome(TrialConfiguration Trial, string RunId, IReadOnlyDictionary<string, double> Metrics, string? Error)
{
    /// <summary>True when a shared sweep's queue took the trial back from this worker before it ended: another attempt counts, not this one.</summary>
    public bool Lost { get; init; }
}
