namespace Pipeline.Ml.Drift;

/// <summary>
/// A cumulative distribution rebuilt from quantiles: linear between the points (quantile, level), 0 below the first and
/// 1 above the last. Equal quantiles (a value many rows share) make a jump, so the curve has a value at a point
/// (<see cref="At"/>, right-continuous as a CDF) and a limit from the left (<see cref="Before"/>).
/// </summary>
internal sealed class QuantileCurve(IReadOnlyList<double> levelList, IReadOnlyList<double> quantileList)
{
    // Arrays: the curve is evaluated at every live value, and interface indexing costs a call each time.
    private readonly double[] levels = [.. levelList];
    private readonly double[] quantiles = [.. quantileList];

    /// <summary>F(x): the share at or below <paramref name="x"/>.</summary>
    public double At(double x)
    {
        if (x < quantiles[0]) return 0;
        if (x >= quantiles[^1]) return 1;
        // The last point at or below x, then along the segment to the next one (which lies above x).
        return Interpolate(FirstAbove(x, orEqual: false) - 1, x);
    }

    /// <summary>F(x-): the share strictly below <paramref name="x"/>.</summary>
    public double Before(double x)
    {
        if (x <= quantiles[0]) return 0;
        if (x > quantiles[^1]) return 1;
        // The first point at or above x; x lies on the segment that ends there.
        return Interpolate(FirstAbove(x, orEqual: true) - 1, x);
    }

    /// <summary>The first index whose quantile is above <paramref name="x"/> (or equal to it, with <paramref name="orEqual"/>).</summary>
    private int FirstAbove(double x, bool orEqual)
    {
        int lo = 0, hi = quantiles.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (quantiles[mid] < x || (!orEqual && quantiles[mid] == x)) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }

    private double Interpolate(int from, double x)
    {
        var (x0, x1) = (quantiles[from], quantiles[from + 1]);
        var (y0, y1) = (levels[from], levels[from + 1]);
        return x1 == x0 ? y1 : y0 + ((y1 - y0) * (x - x0) / (x1 - x0));
    }
}
