namespace Pipeline.Ml.Evaluation;

/// <summary>
/// Cumulative true and false positives at each distinct score, highest score first: the common ground
/// of scikit-learn's ROC and precision-recall curves (its <c>_binary_clf_curve</c>).
/// </summary>
internal sealed record BinaryCurveCounts(double[] FalsePositives, double[] TruePositives, double[] Thresholds)
{
    public static BinaryCurveCounts From(IReadOnlyList<bool> positive, IReadOnlyList<double> scores)
    {
        if (positive.Count != scores.Count)
            throw new ArgumentException($"{positive.Count} labels but {scores.Count} scores.");
        if (positive.Count == 0) throw new ArgumentException("No examples.");
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        var fps = new List<double>();
        var tps = new List<double>();
        var thresholds = new List<double>();
        double tp = 0;
        for (var k = 0; k < order.Length; k++)
        {
            if (positive[order[k]]) tp++;
            // One point per distinct score, at the last row holding it.
            if (k == order.Length - 1 || scores[order[k + 1]] != scores[order[k]])
            {
                tps.Add(tp);
                fps.Add(k + 1 - tp);
                thresholds.Add(scores[order[k]]);
            }
        }

        return new BinaryCurveCounts(fps.ToArray(), tps.ToArray(), thresholds.ToArray());
    }
}
