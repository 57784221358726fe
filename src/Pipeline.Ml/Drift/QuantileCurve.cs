namespace Pipeline.Ml.Drift;

/// <summary>
/// A cumulative distribution rebuilt from quantiles: linear between the points (quantile, level), 0 below the first and
/// 1 above the last. Equal quantiles (a value many rows share) make a jump, so the curve has a value at a point
/// (<see cref="At"/>, right-continuous as a CDF) and a limit from the left (<see cref="Before"/>).
/// </summary>
internal sealed class QuantileCurve(IReadOnlyList<double> levels, IReadOnlyList<double> quantiles)
{
    /// <summary>F(x): the share at or below <paramref name="x"/>.</summary>
    public double At(double x)
    {
        if (x < quantiles[0]) return 0;
        if (x >= quantiles[^1]) return 1;
        // The last point at or below x, then along the segment to the next one (which lies above x).
        var m = 0;
        while (quantiles[m + 1] <= x) m++;
        return Interpolate(m, x);
    }

    /// <summary>F(x-): the share strictly below <paramref name="x"/>.</summary>
    public double Before(double x)
    {
        if (x <= quantiles[0]) return 0;
        if (x > quantiles[^1]) return 1;
        // The first point at or above x; x lies on the segment that ends there.
        var j = 1;
        while (quantiles[j] < x) j++;
        return Interpolate(j - 1, x);
    }

    private double Interpolate(int from, double x)
    {
        var (x0, x1) = (quantiles[from], quantiles[from + 1]);
        var (y0, y1) = (levels[from], levels[from + 1]);
        return x1 == x0 ? y1 : y0 + ((y1 - y0) * (x - x0) / (x1 - x0));
    }
}
