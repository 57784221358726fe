using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages.Sweep.Sampling;

namespace Pipeline.Stages.Stages.Sweep.Pruning;

/// <summary>
/// Optuna's <c>MedianPruner</c> (a percentile pruner at 50): once <paramref name="startupTrials"/> trials are
/// complete and the trial is past <paramref name="warmupSteps"/>, it stops the trial when its best intermediate value
/// so far is worse than the median of the complete trials' values at the same step. A NaN value is pruned.
/// </summary>
/// <param name="direction">Whether larger values are better.</param>
/// <param name="startupTrials"><c>n_startup_trials</c> (default 5): complete trials needed before any pruning.</param>
/// <param name="warmupSteps"><c>n_warmup_steps</c> (default 0): steps (folds) before this one are never pruned.</param>
public sealed class MedianPruner(OptimizationDirection direction, int startupTrials = MedianPruner.DefaultStartupTrials, int warmupSteps = 0) : ITrialPruner
{
    /// <summary>Optuna's default <c>n_startup_trials</c>, 5.</summary>
    public const int DefaultStartupTrials = 5;

    /// <inheritdoc/>
    public bool ShouldPrune(TrialRecord trial, IReadOnlyList<TrialRecord> others)
    {
        var complete = others.Where(t => t.State == TrialState.Complete).ToList();
        if (complete.Count == 0 || complete.Count < startupTrials) return false;
        var step = trial.LastStep;
        if (step == 0 || step < warmupSteps) return false;
        var maximize = direction == OptimizationDirection.Maximize;
        var best = trial.Intermediate.Any(double.IsNaN)
            ? double.NaN
            : maximize ? trial.Intermediate.Max() : trial.Intermediate.Min();
        if (double.IsNaN(best)) return true;
        var atStep = complete.Select(t => t.At(step)).OfType<double>().Where(v => !double.IsNaN(v)).ToList();
        if (atStep.Count == 0) return false;
        var median = Median(atStep);
        return maximize ? best < median : best > median;
    }

    /// <summary>numpy's 50th percentile with linear interpolation: the mean of the middle two for even counts.</summary>
    internal static double Median(List<double> values)
    {
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
