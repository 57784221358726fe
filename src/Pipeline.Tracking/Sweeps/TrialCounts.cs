namespace Pipeline.Tracking.Sweeps;

/// <summary>How many trials of a sweep are in each state, and how many workers hold RUNNING ones.</summary>
public sealed record TrialCounts(int Queued, int Running, int Complete, int Failed, int ActiveWorkers)
{
    /// <summary>Trials that ended (COMPLETE or FAILED).</summary>
    public int Done => Complete + Failed;

    /// <summary>True while a trial is queued or running: the sweep is not over.</summary>
    public bool Pending => Queued + Running > 0;
}
