using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Stages.Sweep.Sampling;

/// <summary>
/// Optuna's split of the history into "below" (good, modelled by l(x)) and "above" (the rest, g(x)): the best
/// complete trials first; if fewer than <c>gamma(n)</c>, the pruned trials that got furthest (then the best
/// value there); running trials always above (the constant liar: a running trial is assumed bad, which pushes
/// parallel samples away from it). Failed trials and NaN values are left out. Both lists are in trial order.
/// </summary>
internal static class TrialSplit
{
    public static (List<TrialRecord> Below, List<TrialRecord> Above) Split(IReadOnlyList<TrialRecord> history, OptimizationDirection direction)
    {
        var sign = direction == OptimizationDirection.Maximize ? -1.0 : 1.0;
        var complete = history.Where(t => t.State == TrialState.Complete && t.Value is { } v && !double.IsNaN(v))
            .OrderBy(t => sign * t.Value!.Value).ThenBy(t => t.Number).ToList();
        var pruned = history.Where(t => t.State == TrialState.Pruned)
            .OrderBy(t => -t.LastStep).ThenBy(t => PrunedScore(t, sign)).ThenBy(t => t.Number).ToList();
        var running = history.Where(t => t.State == TrialState.Running);
        var n = complete.Count + pruned.Count;
        var below = TpeOptions.Gamma(n);

        var fromComplete = Math.Min(below, complete.Count);
        var fromPruned = Math.Min(below - fromComplete, pruned.Count);
        var good = complete.Take(fromComplete).Concat(pruned.Take(fromPruned)).OrderBy(t => t.Number).ToList();
        var bad = complete.Skip(fromComplete).Concat(pruned.Skip(fromPruned)).Concat(running).OrderBy(t => t.Number).ToList();
        return (good, bad);
    }

    private static double PrunedScore(TrialRecord trial, double sign) =>
        trial.LastStep == 0 || double.IsNaN(trial.Intermediate[^1]) ? double.PositiveInfinity : sign * trial.Intermediate[^1];
}
