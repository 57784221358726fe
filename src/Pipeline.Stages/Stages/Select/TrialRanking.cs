using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Stages.Select;

/// <summary>A finished trial as selection sees it: its index in the search space, its run and its cross-validated metrics.</summary>
public sealed record RankedTrial(int Index, string RunId, IReadOnlyDictionary<string, double> Metrics);

/// <summary>
/// Orders finished trials best first: by the declared metric in the declared direction, ties broken by the task's
/// other metrics in catalog order (each in its own natural direction), then by trial order. A trial without the
/// metric, or with NaN, ranks last. The order is total, so the same sweep always selects the same run.
/// </summary>
public sealed class TrialRanking(SelectSpec select, IReadOnlyList<MetricDescriptor> taskMetrics)
{
    public IReadOnlyList<RankedTrial> Rank(IEnumerable<RankedTrial> trials) => trials.Order(Comparer<RankedTrial>.Create(Compare)).ToList();

    private int Compare(RankedTrial a, RankedTrial b)
    {
        var byMetric = CompareMetric(a, b, select.Metric, select.Direction == OptimizationDirection.Maximize);
        if (byMetric != 0)
            return byMetric;
        foreach (var metric in taskMetrics.Where(m => m.Name != select.Metric))
        {
            var byNext = CompareMetric(a, b, metric.Name, metric.GreaterIsBetter);
            if (byNext != 0)
                return byNext;
        }
        return a.Index.CompareTo(b.Index);
    }

    /// <summary>Negative when <paramref name="a"/> is better.</summary>
    private static int CompareMetric(RankedTrial a, RankedTrial b, string metric, bool greaterIsBetter)
    {
        var hasA = a.Metrics.TryGetValue(metric, out var va) && !double.IsNaN(va);
        var hasB = b.Metrics.TryGetValue(metric, out var vb) && !double.IsNaN(vb);
        if (!hasA || !hasB)
            return hasA == hasB ? 0 : hasA ? -1 : 1;
        var order = va.CompareTo(vb);
        return greaterIsBetter ? -order : order;
    }
}
