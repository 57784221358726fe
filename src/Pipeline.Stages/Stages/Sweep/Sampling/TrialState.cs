namespace Pipeline.Stages.Stages.Sweep.Sampling;

/// <summary>Where a trial stands, as samplers and pruners see it (Optuna's trial states, less WAITING).</summary>
public enum TrialState
{
    /// <summary>Started and not ended: its parameters are known, its value is not.</summary>
    Running,

    /// <summary>Ended with every cross-validation fold; <see cref="TrialRecord.Value"/> holds its score.</summary>
    Complete,

    /// <summary>Stopped early by a pruner; <see cref="TrialRecord.Intermediate"/> holds what it reported.</summary>
    Pruned,

    /// <summary>Ended with an error; samplers and pruners ignore it.</summary>
    Failed,
}
