using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Stages.Sweep.Sampling;

/// <summary>
/// The in-process record of a sweep's trials for the sampler and the pruner: started, reported, finished.
/// Thread-safe; snapshots are copies, so a sampler or pruner never sees a record change under it.
/// A distributed trial queue builds the same <see cref="TrialRecord"/>s from the store instead.
/// </summary>
public sealed class TrialHistory
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<int, TrialRecord> _trials = [];

    /// <summary>Records trial <paramref name="number"/> as running with <paramref name="configuration"/>.</summary>
    public void Start(int number, TrialConfiguration configuration)
    {
        lock (_lock) _trials[number] = new TrialRecord(number, configuration, TrialState.Running, null, []);
    }

    /// <summary>Appends the value at the next step and returns the trial's record.</summary>
    public TrialRecord Report(int number, double value)
    {
        lock (_lock)
        {
            var record = _trials[number];
            return _trials[number] = record with { Intermediate = [.. record.Intermediate, value] };
        }
    }

    /// <summary>Ends trial <paramref name="number"/> in <paramref name="state"/>, with its final value when complete.</summary>
    public void Finish(int number, TrialState state, double? value)
    {
        lock (_lock) _trials[number] = _trials[number] with { State = state, Value = value };
    }

    /// <summary>Every trial, in number order.</summary>
    public IReadOnlyList<TrialRecord> Snapshot()
    {
        lock (_lock) return [.. _trials.Values];
    }

    /// <summary>Every trial but <paramref name="number"/>, in number order.</summary>
    public IReadOnlyList<TrialRecord> Others(int number)
    {
        lock (_lock) return [.. _trials.Values.Where(t => t.Number != number)];
    }
}
