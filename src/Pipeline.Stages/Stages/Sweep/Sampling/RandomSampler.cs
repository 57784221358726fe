using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Stages.Sweep.Sampling;

/// <summary>
/// Random search as a sampler: trial n is the n-th seeded draw of <see cref="SearchSpaceExpander.Random"/>, so a
/// random sweep draws exactly what it drew before samplers existed. Thread-safe; ignores the history.
/// </summary>
public sealed class RandomSampler(IReadOnlyList<SearchSpaceEntry> space, int seed, int expectedTrials = 0) : ITrialSampler
{
    private readonly Lock _lock = new();
    private IReadOnlyList<TrialConfiguration> _draws = SearchSpaceExpander.Random(space, expectedTrials, seed);

    /// <inheritdoc/>
    public int? Capacity => null;

    /// <inheritdoc/>
    public TrialConfiguration Sample(int trialNumber, IReadOnlyList<TrialRecord> history)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trialNumber);
        lock (_lock)
        {
            // The draws form one stream; later trials need the earlier draws, so grow by doubling.
            if (trialNumber >= _draws.Count)
                _draws = SearchSpaceExpander.Random(space, Math.Max(trialNumber + 1, _draws.Count * 2), seed);
            return _draws[trialNumber];
        }
    }
}
