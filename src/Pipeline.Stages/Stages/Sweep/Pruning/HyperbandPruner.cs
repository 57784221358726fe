using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages.Sweep.Sampling;

namespace Pipeline.Stages.Stages.Sweep.Pruning;

/// <summary>
/// Optuna's <c>HyperbandPruner</c>: several successive-halving brackets, bracket i starting its first rung i rungs
/// later (so it prunes less aggressively); each trial belongs to one bracket, chosen by a hash of its number
/// weighted by each bracket's budget, and competes only with trials of its bracket. The number of brackets is
/// floor(log_rf(max_resource / min_resource)) + 1; the budget of bracket i is ceil(n * rf^s / (s + 1)) with
/// s = n - 1 - i.
/// </summary>
public sealed class HyperbandPruner : ITrialPruner
{
    /// <summary>Optuna's default <c>reduction_factor</c> for Hyperband, 3.</summary>
    public const int DefaultReductionFactor = 3;

    private readonly SuccessiveHalvingPruner[] _brackets;
    private readonly int[] _budgets;

    /// <param name="direction">Whether larger values are better.</param>
    /// <param name="maxResource">The most steps a trial takes (the folds).</param>
    /// <param name="minResource"><c>min_resource</c> (default 1).</param>
    /// <param name="reductionFactor"><c>reduction_factor</c> (default 3).</param>
    public HyperbandPruner(OptimizationDirection direction, int maxResource, int minResource = 1, int reductionFactor = DefaultReductionFactor)
    {
        var count = (int)Math.Floor(Math.Log((double)maxResource / minResource, reductionFactor) + 1e-9) + 1;
        _brackets = [.. Enumerable.Range(0, count).Select(i => new SuccessiveHalvingPruner(direction, minResource, reductionFactor, i))];
        _budgets = [.. Enumerable.Range(0, count).Select(i =>
        {
            var s = count - 1 - i;
            return (int)Math.Ceiling(count * Math.Pow(reductionFactor, s) / (s + 1));
        })];
    }

    /// <summary>The number of brackets.</summary>
    public int BracketCount => _brackets.Length;

    /// <inheritdoc/>
    public bool ShouldPrune(TrialRecord trial, IReadOnlyList<TrialRecord> others)
    {
        var bracket = BracketOf(trial.Number);
        var peers = others.Where(t => BracketOf(t.Number) == bracket).ToList();
        return _brackets[bracket].ShouldPrune(trial, peers);
    }

    /// <summary>The bracket of a trial number: a fixed hash of the number, spread by the brackets' budgets.</summary>
    public int BracketOf(int trialNumber)
    {
        var slot = (int)(new SplitMix64(trialNumber).NextUInt64() % (ulong)_budgets.Sum());
        for (var i = 0; i < _budgets.Length; i++)
        {
            if (slot < _budgets[i]) return i;
            slot -= _budgets[i];
        }

        return _budgets.Length - 1;
    }
}
