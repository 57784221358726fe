namespace Pipeline.Tracking.Sweeps;

/// <summary>A tracking store that can hold the trial queues of distributed sweeps (our SQL stores; our tracking server through its REST store).</summary>
public interface ITrialQueueProvider
{
    /// <summary>The trial queue in the same database (or behind the same server) as the store's runs.</summary>
    ITrialQueue TrialQueue { get; }
}
