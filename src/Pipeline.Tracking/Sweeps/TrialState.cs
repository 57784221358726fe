namespace Pipeline.Tracking.Sweeps;

/// <summary>Where a trial of a distributed sweep stands in its queue (Optuna's trial states, without PRUNED/WAITING).</summary>
public enum TrialState
{
    /// <summary>Waiting for a worker.</summary>
    Queued,

    /// <summary>Claimed by a worker that heartbeats it.</summary>
    Running,

    /// <summary>Ran to completion (its child run ended FINISHED); never claimed again.</summary>
    Complete,

    /// <summary>Failed for good: its configuration failed, or its worker died and the retries are used up.</summary>
    Failed,
}
