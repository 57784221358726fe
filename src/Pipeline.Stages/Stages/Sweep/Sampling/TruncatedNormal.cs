using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Stages.Sweep.Sampling;

/// <summary>
/// The normal distribution truncated to [low, high]: log densities (continuous, and the mass of a grid cell for
/// discrete parameters) and seeded draws. The Parzen estimators' kernels are of this kind.
/// </summary>
internal static class TruncatedNormal
{
    private const double LogSqrt2Pi = 0.91893853320467274178;
    private const double Sqrt2 = 1.41421356237309504880;

    /// <summary>log of the density at <paramref name="x"/> of N(mu, sigma) truncated to [low, high].</summary>
    public static double LogPdf(double x, double mu, double sigma, double low, double high)
    {
        if (x < low || x > high) return double.NegativeInfinity;
        var z = (x - mu) / sigma;
        return (-0.5 * z * z) - LogSqrt2Pi - Math.Log(sigma) - LogMass((low - mu) / sigma, (high - mu) / sigma);
    }

    /// <summary>
    /// log of the probability that N(mu, sigma) truncated to [low - step/2, high + step/2] falls within step/2 of
    /// <paramref name="x"/>: the weight of grid point x of a discrete parameter.
    /// </summary>
    public static double LogDiscreteMass(double x, double mu, double sigma, double low, double high, double step)
    {
        var half = step / 2;
        var cell = LogMass((x - half - mu) / sigma, (x + half - mu) / sigma);
        if (double.IsNegativeInfinity(cell))
            cell = LogPdf(x, mu, sigma, double.NegativeInfinity, double.PositiveInfinity) + Math.Log(step);
        return cell - LogMass((low - half - mu) / sigma, (high + half - mu) / sigma);
    }

    /// <summary>A draw in [low, high]: rejection from the untruncated normal (the estimators keep sigma &lt;= the range
    /// and mu inside it, so at least about a third of the draws are kept), clipped after 1,000 misses.</summary>
    public static double Sample(double mu, double sigma, double low, double high, SplitMix64 random)
    {
        for (var i = 0; i < 1000; i++)
        {
            var x = mu + (sigma * StandardNormal(random));
            if (x >= low && x <= high) return x;
        }

        return Math.Clamp(mu, low, high);
    }

    /// <summary>log(Phi(b) - Phi(a)) for a &lt;= b, computed on the side of the tails that keeps precision.</summary>
    public static double LogMass(double a, double b)
    {
        if (a >= b) return double.NegativeInfinity;
        // In the upper tail Phi(b) - Phi(a) = Q(a) - Q(b) with Q the upper tail, which does not cancel.
        var mass = a > 0
            ? 0.5 * (Erfc(a / Sqrt2) - Erfc(b / Sqrt2))
            : 0.5 * (Erfc(-b / Sqrt2) - Erfc(-a / Sqrt2));
        return mass > 0 ? Math.Log(mass) : double.NegativeInfinity;
    }

    /// <summary>Complementary error function (Chebyshev fit, fractional error below 1.2e-7 everywhere).</summary>
    public static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1.0 / (1.0 + (0.5 * z));
        var poly = -z * z - 1.26551223 + (t * (1.00002368 + (t * (0.37409196 + (t * (0.09678418 + (t * (-0.18628806
            + (t * (0.27886807 + (t * (-1.13520398 + (t * (1.48851587 + (t * (-0.82215223 + (t * 0.17087277)))))))))))))))));
        var r = t * Math.Exp(poly);
        return x >= 0 ? r : 2.0 - r;
    }

    private static double StandardNormal(SplitMix64 random)
    {
        // Box-Muller; 1 - u keeps the logarithm finite.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
