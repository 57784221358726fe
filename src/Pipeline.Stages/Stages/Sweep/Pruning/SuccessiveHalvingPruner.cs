using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages.Sweep.Sampling;

namespace Pipeline.Stages.Stages.Sweep.Pruning;

/// <summary>
/// Optuna's <c>SuccessiveHalvingPruner</c> (asynchronous successive halving, Li et al. 2018). Rung r is reached at
/// step <c>min_resource * reduction_factor^(min_early_stopping_rate + r)</c> (steps are folds done); a trial
/// reaching a rung is kept only when its value there is within the top 1/<paramref name="reductionFactor"/> of all
/// trials that reached the rung so far (itself included; the first is always kept). A trial's rung value is its
/// intermediate value at the rung's step, so the decision needs no state beyond the trials' reported values.
/// </summary>
/// <param name="direction">Whether larger values are better.</param>
/// <param name="minResource"><c>min_resource</c> (default 1): steps before the first rung.</param>
/// <param name="reductionFactor"><c>reduction_factor</c> (default 4): keeps the top 1/reduction_factor at each rung.</param>
/// <param name="minEarlyStoppingRate"><c>min_early_stopping_rate</c> (default 0): rungs skipped at the start.</param>
public sealed class SuccessiveHalvingPruner(
    OptimizationDirection direction, int minResource = 1, int reductionFactor = SuccessiveHalvingPruner.DefaultReductionFactor, int minEarlyStoppingRate = 0) : ITrialPruner
{
    /// <summary>Optuna's default <c>reduction_factor</c>, 4.</summary>
    public const int DefaultReductionFactor = 4;

    /// <inheritdoc/>
    public bool ShouldPrune(TrialRecord trial, IReadOnlyList<TrialRecord> others)
    {
        var step = trial.LastStep;
        if (step == 0) return false;
        var value = trial.Intermediate[^1];
        for (var rung = 0; ; rung++)
        {
            var promotionStep = RungStep(rung);
            if (step < promotionStep) return false;
            // Rungs below the current step were decided when the trial passed them; decide only the rung reached now.
            if (promotionStep < step) continue;
            if (double.IsNaN(value)) return true;
            var competing = others.Select(t => t.At((int)promotionStep)).OfType<double>().Where(v => !double.IsNaN(v)).Append(value).ToList();
            return !IsPromotable(value, competing);
        }
    }

    /// <summary>The step at which rung <paramref name="rung"/> is reached.</summary>
    public long RungStep(int rung) => minResource * (long)Math.Pow(reductionFactor, minEarlyStoppingRate + rung);

    private bool IsPromotable(double value, List<double> competing)
    {
        var index = Math.Max(0, (competing.Count / reductionFactor) - 1);
        competing.Sort();
        return direction == OptimizationDirection.Maximize
            ? value >= competing[competing.Count - 1 - index]
            : value <= competing[index];
    }
}
