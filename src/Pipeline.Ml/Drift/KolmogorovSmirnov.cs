namespace Pipeline.Ml.Drift;

/// <summary>
/// The two-sample Kolmogorov-Smirnov statistic <c>D = sup |F_live(x) - F_train(x)|</c>, with the training distribution
/// known only through its quantiles (the profile keeps no rows). <c>F_train</c> is approximated by the piecewise-linear
/// curve through the points (quantile, level), 0 below the smallest and 1 above the largest; the live side is the
/// exact empirical distribution. Between two recorded levels the true training CDF also runs from one level to the
/// next, so the approximation is off by at most the spacing of the levels (0.02 for the profile's 51 levels).
/// </summary>
public static class KolmogorovSmirnov
{
    /// <summary>D between the live values and the training quantiles.</summary>
    /// <param name="levels">Ascending levels from 0 to 1.</param>
    /// <param name="quantiles">The training values at those levels (non-decreasing).</param>
    /// <param name="live">The live values; NaN skipped.</param>
    /// <returns>D in [0, 1]; NaN when there is no live value or the quantiles are not numbers.</returns>
    public static double Statistic(IReadOnlyList<double> levels, IReadOnlyList<double> quantiles, IEnumerable<double> live)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(quantiles);
        if (levels.Count != quantiles.Count || levels.Count < 2)
            throw new ArgumentException("One quantile per level, and at least two levels.", nameof(quantiles));
        var sample = live.Where(v => !double.IsNaN(v)).ToArray();
        if (sample.Length == 0 || quantiles.Any(double.IsNaN)) return double.NaN;
        Array.Sort(sample);
        var curve = new QuantileCurve(levels, quantiles);
        // Both functions are monotone and, between consecutive candidate points (the live values and the quantiles), the
        // live one is constant and the training one linear: the largest gap is at a candidate point, from the left or at it.
        var d = 0.0;
        double n = sample.Length;
        for (var i = 0; i < sample.Length;)
        {
            var x = sample[i];
            var j = i;
            while (j < sample.Length && sample[j] == x) j++;
            d = Math.Max(d, Math.Max(Math.Abs((j / n) - curve.At(x)), Math.Abs((i / n) - curve.Before(x))));
            i = j;
        }

        foreach (var x in quantiles)
            d = Math.Max(d, Math.Max(Math.Abs((UpperBound(sample, x) / n) - curve.At(x)), Math.Abs((LowerBound(sample, x) / n) - curve.Before(x))));
        return d;
    }

    /// <summary>
    /// The value D exceeds with probability 0.05 when both samples come from one distribution (the asymptotic two-sample
    /// bound <c>1.358 · sqrt((n + m) / (n · m))</c>): 0.142 for 114 live rows against 455 training rows.
    /// </summary>
    public static double CriticalValue(long n, long m) => n <= 0 || m <= 0 ? double.NaN : 1.358 * Math.Sqrt((double)(n + m) / (n * (double)m));

    /// <summary>The exact two-sample statistic of two samples (for tests and for comparing with the approximation).</summary>
    public static double Exact(IEnumerable<double> first, IEnumerable<double> second)
    {
        var a = first.Where(v => !double.IsNaN(v)).Order().ToArray();
        var b = second.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (a.Length == 0 || b.Length == 0) return double.NaN;
        var d = 0.0;
        foreach (var x in a.Concat(b))
            d = Math.Max(d, Math.Abs(((double)UpperBound(a, x) / a.Length) - ((double)UpperBound(b, x) / b.Length)));
        return d;
    }

    private static int LowerBound(double[] sorted, double x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] < x) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }

    private static int UpperBound(double[] sorted, double x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] <= x) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }
}
