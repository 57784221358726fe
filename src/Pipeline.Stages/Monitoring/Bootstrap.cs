using Pipeline.Ml.Evaluation;

namespace Pipeline.Stages.Monitoring;

/// <summary>
/// Percentile bootstrap of the difference of one metric between two versions. The unit drawn is a request (all its rows),
/// since rows sent together are not independent. Split traffic gives each version its own requests: each is resampled on
/// its own. Shadow traffic gives both the same rows: they are resampled jointly (paired), which removes the rows' own
/// variation from the difference. Seeded, so the same inputs give the same interval.
/// </summary>
internal static class Bootstrap
{
    public static BootstrapDifference Difference(
        string metric, VersionRows baseline, PredictionArrays baselineArrays, VersionRows other, PredictionArrays otherArrays,
        int resamples, int seed, double confidence)
    {
        var observed = Metric(otherArrays.Subset(), metric) - Metric(baselineArrays.Subset(), metric);
        // Class-only metrics need no ROC or PR curve: a thousand resamples then cost a thousand confusion matrices.
        var probabilities = metric is MetricNames.RocAuc or MetricNames.LogLoss or MetricNames.PrecisionRecallAuc;
        var (baselineOrder, otherOrder) = PairedOrder(baseline, other);
        var baselineRequests = Requests(baseline.Rows);
        var otherRequests = Requests(other.Rows);
        var random = new Random(seed);
        var differences = new List<double>(resamples);
        for (var r = 0; r < resamples; r++)
        {
            double a, b;
            if (baselineOrder is not null)
            {
                var picks = Draw(random, baselineRequests);
                a = Metric(baselineArrays.Subset(picks.Select(i => baselineOrder[i]).ToArray(), probabilities), metric);
                b = Metric(otherArrays.Subset(picks.Select(i => otherOrder![i]).ToArray(), probabilities), metric);
            }
            else
            {
                a = Metric(baselineArrays.Subset(Draw(random, baselineRequests), probabilities), metric);
                b = Metric(otherArrays.Subset(Draw(random, otherRequests), probabilities), metric);
            }

            if (double.IsFinite(a) && double.IsFinite(b))
                differences.Add(b - a);
        }

        differences.Sort();
        var tail = (1 - confidence) / 2;
        return new BootstrapDifference(metric, baseline.Version, other.Version, observed,
            Percentile(differences, tail), Percentile(differences, 1 - tail), confidence, resamples, differences.Count,
            baselineOrder is not null, seed);
    }

    /// <summary>The metric, or NaN when a resample leaves it undefined.</summary>
    internal static double Metric(PredictionSet set, string metric)
    {
        if (set.Actual.Count == 0)
            return double.NaN;
        try
        {
            // The binary ROC AUC alone is the evaluator's own curve, without the PR curve and log loss beside it.
            if (metric == MetricNames.RocAuc && set.Task == Pipeline.Ml.Data.TaskKind.Binary && set.Probabilities is not null)
                return ClassificationCurves.Roc(set.ActualClasses.Select(c => c == 1).ToArray(), set.ProbabilityOf(1)).Auc;
            return ModelEvaluator.Evaluate(set).TryGet(metric, out var value) ? value : double.NaN;
        }
        catch (ArgumentException)
        {
            return double.NaN; // e.g. ROC AUC of a resample holding one class only
        }
    }

    /// <summary>For the same rows in both versions, each row's position in either; null when the rows differ.</summary>
    private static (int[]? Baseline, int[]? Other) PairedOrder(VersionRows baseline, VersionRows other)
    {
        if (baseline.Rows.Count != other.Rows.Count || baseline.Rows.Count == 0)
            return (null, null);
        var position = new Dictionary<(string, int), int>();
        for (var i = 0; i < other.Rows.Count; i++)
            position[(other.Rows[i].RequestId, other.Rows[i].Row)] = i;
        var otherOrder = new int[baseline.Rows.Count];
        for (var i = 0; i < baseline.Rows.Count; i++)
        {
            if (!position.TryGetValue((baseline.Rows[i].RequestId, baseline.Rows[i].Row), out otherOrder[i]))
                return (null, null);
        }

        return (Enumerable.Range(0, baseline.Rows.Count).ToArray(), otherOrder);
    }

    /// <summary>The row positions of each request, in log order.</summary>
    private static int[][] Requests(IReadOnlyList<JoinedRow> rows)
    {
        var requests = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<List<int>>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (!requests.TryGetValue(rows[i].RequestId, out var positions))
            {
                requests[rows[i].RequestId] = positions = [];
                order.Add(positions);
            }

            positions.Add(i);
        }

        return order.Select(p => p.ToArray()).ToArray();
    }

    /// <summary>As many requests as there are, drawn with replacement; their rows' positions.</summary>
    private static List<int> Draw(Random random, int[][] requests)
    {
        var picks = new List<int>();
        for (var i = 0; i < requests.Length; i++)
            picks.AddRange(requests[random.Next(requests.Length)]);
        return picks;
    }

    /// <summary>Linear interpolation between the closest ranks (numpy's default percentile).</summary>
    internal static double Percentile(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0)
            return double.NaN;
        var position = q * (sorted.Count - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }
}
