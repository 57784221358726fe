namespace Pipeline.Ml.Evaluation;

/// <summary>Curve data for one class against the rest, computed as scikit-learn and MLflow do.</summary>
public static class ClassificationCurves
{
    /// <summary>The ROC curve of scores for a positive class (<paramref name="positive"/> marks its rows).</summary>
    public static RocCurve Roc(IReadOnlyList<bool> positive, IReadOnlyList<double> scores, double positiveClass = 1)
    {
        var counts = BinaryCurveCounts.From(positive, scores);
        var keep = new List<int>();
        var n = counts.Thresholds.Length;
        for (var i = 0; i < n; i++)
        {
            // Drop points where both counts change at a constant rate on both sides (collinear).
            var corner = i == 0 || i == n - 1 || n <= 2
                || counts.FalsePositives[i + 1] - 2 * counts.FalsePositives[i] + counts.FalsePositives[i - 1] != 0
                || counts.TruePositives[i + 1] - 2 * counts.TruePositives[i] + counts.TruePositives[i - 1] != 0;
            if (corner) keep.Add(i);
        }

        var fps = keep.Select(i => counts.FalsePositives[i]).Prepend(0).ToArray();
        var tps = keep.Select(i => counts.TruePositives[i]).Prepend(0).ToArray();
        var thresholds = keep.Select(i => counts.Thresholds[i]).Prepend(double.PositiveInfinity).ToArray();
        double negatives = fps[^1], positives = tps[^1];
        var fpr = fps.Select(f => negatives > 0 ? f / negatives : double.NaN).ToArray();
        var tpr = tps.Select(t => positives > 0 ? t / positives : double.NaN).ToArray();
        var auc = negatives > 0 && positives > 0 ? Trapezoid(fpr, tpr) : double.NaN;
        return new RocCurve(positiveClass, fpr, tpr, thresholds, auc);
    }

    /// <summary>The precision-recall curve and average precision for a positive class.</summary>
    public static PrecisionRecallCurve PrecisionRecall(IReadOnlyList<bool> positive, IReadOnlyList<double> scores, double positiveClass = 1)
    {
        var counts = BinaryCurveCounts.From(positive, scores);
        var n = counts.Thresholds.Length;
        var totalPositives = counts.TruePositives[^1];
        var precision = new double[n + 1];
        var recall = new double[n + 1];
        var thresholds = new double[n];
        for (var k = 0; k < n; k++)
        {
            // Reverse so recall descends, as scikit-learn returns it.
            var i = n - 1 - k;
            var predicted = counts.TruePositives[i] + counts.FalsePositives[i];
            precision[k] = predicted == 0 ? 0 : counts.TruePositives[i] / predicted;
            recall[k] = totalPositives == 0 ? 1 : counts.TruePositives[i] / totalPositives;
            thresholds[k] = counts.Thresholds[i];
        }

        precision[n] = 1;
        recall[n] = 0;
        var ap = 0.0;
        for (var k = 0; k < n; k++) ap += (recall[k] - recall[k + 1]) * precision[k];
        return new PrecisionRecallCurve(positiveClass, precision, recall, thresholds, totalPositives == 0 ? double.NaN : ap);
    }

    /// <summary>The lift curve of a class's probabilities (<paramref name="member"/> marks its rows).</summary>
    public static LiftCurve Lift(IReadOnlyList<bool> member, IReadOnlyList<double> probabilities, double classValue)
    {
        if (member.Count != probabilities.Count) throw new ArgumentException($"{member.Count} labels but {probabilities.Count} scores.");
        // Descending by probability as MLflow's argsort(...)[::-1]; numpy leaves the order of ties
        // unspecified, here tied rows come last-row-first (a stable ascending sort, reversed).
        var order = Enumerable.Range(0, probabilities.Count).OrderBy(i => probabilities[i]).Reverse().ToArray();
        double total = member.Count(m => m);
        var percentages = new double[order.Length];
        var lift = new double[order.Length];
        double found = 0;
        for (var k = 0; k < order.Length; k++)
        {
            if (member[order[k]]) found++;
            percentages[k] = (k + 1.0) / order.Length;
            lift[k] = found / total / percentages[k];
        }

        return new LiftCurve(classValue, percentages, lift);
    }

    /// <summary>The calibration (reliability) curve of a class's probabilities, <paramref name="bins"/> uniform bins (default 10).</summary>
    public static CalibrationCurve Calibration(IReadOnlyList<bool> member, IReadOnlyList<double> probabilities, double classValue, int bins = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (member.Count != probabilities.Count) throw new ArgumentException($"{member.Count} labels but {probabilities.Count} scores.");
        var sums = new double[bins];
        var hits = new double[bins];
        var counts = new int[bins];
        for (var i = 0; i < probabilities.Count; i++)
        {
            var p = probabilities[i];
            if (p < 0 || p > 1) throw new ArgumentOutOfRangeException(nameof(probabilities), p, $"Probability at row {i} is outside [0, 1].");
            // numpy searchsorted over the inner edges (side left): a value on an edge belongs to the lower bin.
            var bin = 0;
            // numpy's linspace puts edge i at i · (1 / bins), which is not always i / bins.
            while (bin < bins - 1 && (bin + 1) * (1.0 / bins) < p) bin++;
            sums[bin] += p;
            counts[bin]++;
            if (member[i]) hits[bin]++;
        }

        var used = Enumerable.Range(0, bins).Where(b => counts[b] > 0).ToArray();
        return new CalibrationCurve(
            classValue, bins,
            used.Select(b => sums[b] / counts[b]).ToArray(),
            used.Select(b => hits[b] / counts[b]).ToArray(),
            used.Select(b => counts[b]).ToArray());
    }

    internal static double Trapezoid(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var area = 0.0;
        for (var i = 1; i < x.Count; i++) area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
        return area;
    }
}
