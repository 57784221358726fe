namespace Pipeline.Tracking.Analysis;

/// <summary>Optuna's optimization-history plot data: each scored trial's value and the best value so far, by trial number.</summary>
public static class OptimizationHistory
{
    /// <summary>Scored trials in trial order with the best so far (higher is better when <paramref name="maximize"/>).</summary>
    public static IReadOnlyList<(int Index, double Value, double BestSoFar)> Compute(IReadOnlyList<SweepTrialPoint> trials, bool maximize)
    {
        var result = new List<(int, double, double)>();
        double? best = null;
        foreach (var trial in trials.Where(t => t.Value is { } v && double.IsFinite(v)).OrderBy(t => t.Index))
        {
            var value = trial.Value!.Value;
            best = best is not { } b ? value : maximize ? Math.Max(b, value) : Math.Min(b, value);
            result.Add((trial.Index, value, best.Value));
        }

        return result;
    }
}
