namespace Pipeline.Tracking.Analysis;

/// <summary>
/// How much each param explains the selection metric over a sweep's trials: permutation importance on a random
/// forest fitted to the trials (params in, metric out). Chosen over fANOVA, Optuna's default, because it needs only
/// the forest's predictions rather than integrating over every tree's partition of the space, and reads simply: the
/// share of the forest's out-of-bag error increase when that param's values are shuffled among the trials.
/// Numeric params split on thresholds; other params on their sorted distinct values; a param a trial lacks (a
/// conditional one) is its own lowest value. Seeded, so the same trials give the same importances.
/// </summary>
public static class ParameterImportance
{
    private const int Trees = 64, MaxDepth = 8, MinTrials = 4;

    /// <summary>Importance per param, summing to 1 (largest first); empty with fewer than 4 scored trials or nothing varying.</summary>
    public static IReadOnlyList<(string Param, double Importance)> Compute(IReadOnlyList<SweepTrialPoint> trials, int seed = 0)
    {
        var scored = trials.Where(t => t.Value is { } v && double.IsFinite(v)).ToList();
        var keys = scored.SelectMany(t => t.Params.Keys).Distinct(StringComparer.Ordinal)
            // A param constant wherever it is logged (a trainer's fixed setting) says nothing the trainer does not.
            .Where(k => scored.Select(t => t.Params.GetValueOrDefault(k)).OfType<string>().Distinct(StringComparer.Ordinal).Count() > 1)
            .Order(StringComparer.Ordinal).ToList();
        if (scored.Count < MinTrials || keys.Count == 0) return [];
        var x = keys.Select(k => Encode(scored.Select(t => t.Params.GetValueOrDefault(k)).ToList())).ToArray();
        var y = scored.Select(t => t.Value!.Value).ToArray();
        var random = new Random(seed);
        var increase = new double[keys.Count];
        for (var t = 0; t < Trees; t++)
        {
            var bag = Enumerable.Range(0, y.Length).Select(_ => random.Next(y.Length)).ToArray();
            var outOfBag = Enumerable.Range(0, y.Length).Except(bag).ToArray();
            if (outOfBag.Length == 0) continue;
            var tree = RegressionTree.Fit(x, y, bag, MaxDepth);
            var baseline = Error(tree, x, y, outOfBag, -1, null);
            for (var f = 0; f < keys.Count; f++)
            {
                var shuffled = outOfBag.OrderBy(_ => random.Next()).ToArray();
                increase[f] += Math.Max(0, Error(tree, x, y, outOfBag, f, shuffled) - baseline);
            }
        }

        var total = increase.Sum();
        return [.. keys.Select((k, i) => (k, total > 0 ? increase[i] / total : 1.0 / keys.Count)).OrderByDescending(p => p.Item2).ThenBy(p => p.k, StringComparer.Ordinal)];
    }

    private static double Error(RegressionTree tree, double[][] x, double[] y, int[] rows, int permuted, int[]? source)
    {
        var sum = 0.0;
        var row = new double[x.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var f = 0; f < x.Length; f++) row[f] = x[f][f == permuted ? source![i] : rows[i]];
            var d = tree.Predict(row) - y[rows[i]];
            sum += d * d;
        }

        return sum / rows.Length;
    }

    private static double[] Encode(List<string?> values)
    {
        var numeric = values.All(v => v is null || double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _));
        var levels = values.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return [.. values.Select(v => v is null ? double.MinValue
            : numeric ? double.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : levels.IndexOf(v))];
    }
}
