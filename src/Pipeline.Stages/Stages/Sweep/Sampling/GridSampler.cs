using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Stages.Sweep.Sampling;

/// <summary>Grid search as a sampler: trial n is the n-th grid configuration (<see cref="SearchSpaceExpander.Grid"/>).</summary>
public sealed class GridSampler(IReadOnlyList<SearchSpaceEntry> space) : ITrialSampler
{
    private readonly IReadOnlyList<TrialConfiguration> _grid = SearchSpaceExpander.Grid(space);

    /// <inheritdoc/>
    public int? Capacity => _grid.Count;

    /// <inheritdoc/>
    public TrialConfiguration Sample(int trialNumber, IReadOnlyList<TrialRecord> history) =>
        trialNumber >= 0 && trialNumber < _grid.Count
            ? _grid[trialNumber]
            : throw new ArgumentOutOfRangeException(nameof(trialNumber), trialNumber, $"The grid has {_grid.Count} configurations.");
}
