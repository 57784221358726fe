using System.Globalization;

namespace Pipeline.Stages.Promotion;

/// <summary>
/// MLflow's <c>MetricThreshold</c> against a baseline model: the candidate must beat the baseline's value of
/// <paramref name="Metric"/> by more than <paramref name="MinAbsoluteChange"/> (candidate − baseline, or baseline −
/// candidate when lower is better) and by more than <paramref name="MinRelativeChange"/> of the baseline's value. With
/// neither change set, "beats" means strictly better (an equal value keeps the current holder).
/// </summary>
/// <param name="Metric">The evaluation metric, e.g. <c>roc_auc</c>.</param>
/// <param name="MinAbsoluteChange">MLflow's <c>min_absolute_change</c>; null: no absolute margin.</param>
/// <param name="MinRelativeChange">MLflow's <c>min_relative_change</c> (a fraction, 0.01 = 1 %); null: no relative margin.</param>
/// <param name="GreaterIsBetter">MLflow's <c>greater_is_better</c>; default true.</param>
public sealed record MetricThreshold(string Metric, double? MinAbsoluteChange = null, double? MinRelativeChange = null, bool GreaterIsBetter = true)
{
    /// <summary>Whether <paramref name="candidate"/> beats <paramref name="baseline"/>, and a sentence saying why.</summary>
    public (bool Passed, string Reason) Check(double candidate, double baseline)
    {
        var gain = GreaterIsBetter ? candidate - baseline : baseline - candidate;
        var failures = new List<string>();
        if (MinAbsoluteChange is { } absolute && !(gain > absolute))
            failures.Add($"the change {F(gain)} is not more than min_absolute_change {F(absolute)}");
        if (MinRelativeChange is { } relative && !(gain > relative * Math.Abs(baseline)))
            failures.Add($"the relative change {(baseline == 0 ? "∞" : F(gain / Math.Abs(baseline)))} is not more than min_relative_change {F(relative)}");
        if (MinAbsoluteChange is null && MinRelativeChange is null && !(gain > 0))
            failures.Add($"it is not {(GreaterIsBetter ? "higher" : "lower")}");
        var comparison = $"{Metric} {F(candidate)} vs {F(baseline)}";
        return failures.Count == 0 ? (true, $"{comparison}: better") : (false, $"{comparison}: {string.Join("; ", failures)}");
    }

    private static string F(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
