using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Stages.Sweep.Sampling;

/// <summary>
/// A univariate Parzen estimator over a numeric range in the sampler's internal space (log space for log ranges):
/// one truncated normal per observation plus a wide prior at the centre, with Optuna's bandwidth rule (the larger
/// gap to a neighbour, endpoints ignored) and its "magic clip" of bandwidths to [range / min(100, 1 + n + 1), range].
/// A step makes it discrete: kernels are truncated to [low - step/2, high + step/2] and a point's
/// density is its grid cell's mass.
/// </summary>
internal sealed class NumericParzenEstimator
{
    private readonly double[] _mus;
    private readonly double[] _sigmas;
    private readonly double[] _weights;
    private readonly double _low;
    private readonly double _high;
    private readonly double? _step;

    public NumericParzenEstimator(IReadOnlyList<double> observations, double low, double high, double? step, double priorWeight)
    {
        _low = low;
        _high = high;
        _step = step;
        var width = high - low + (step ?? 0);
        var n = observations.Count;
        var prior = 0.5 * (low + high);
        _mus = [.. observations, prior];
        _sigmas = Bandwidths(_mus, low - ((step ?? 0) / 2), high + ((step ?? 0) / 2));
        var minSigma = width / Math.Min(100.0, 1.0 + n + 1);
        for (var i = 0; i < n; i++) _sigmas[i] = Math.Clamp(_sigmas[i], minSigma, width);
        _sigmas[n] = width;
        _weights = ParzenWeights.For(n, priorWeight);
        if (n == 0) _weights = [1.0];
    }

    public double Sample(SplitMix64 random)
    {
        var k = ParzenWeights.Pick(_weights, random);
        var half = (_step ?? 0) / 2;
        var x = TruncatedNormal.Sample(_mus[k], _sigmas[k], _low - half, _high + half, random);
        return _step is { } step ? Math.Clamp(_low + (Math.Round((x - _low) / step) * step), _low, _high) : x;
    }

    public double LogPdf(double x)
    {
        var terms = new double[_weights.Length];
        for (var i = 0; i < _weights.Length; i++)
        {
            var kernel = _step is { } step
                ? TruncatedNormal.LogDiscreteMass(x, _mus[i], _sigmas[i], _low, _high, step)
                : TruncatedNormal.LogPdf(x, _mus[i], _sigmas[i], _low, _high);
            terms[i] = Math.Log(_weights[i]) + kernel;
        }

        return LogSumExp(terms);
    }

    internal static double LogSumExp(double[] terms)
    {
        var max = terms.Max();
        if (double.IsNegativeInfinity(max)) return max;
        return max + Math.Log(terms.Sum(t => Math.Exp(t - max)));
    }

    /// <summary>For each point (the prior included), the larger gap to its sorted neighbours; the first and last
    /// take their inner gap (Optuna's consider_endpoints = false).</summary>
    private static double[] Bandwidths(double[] mus, double low, double high)
    {
        var order = Enumerable.Range(0, mus.Length).OrderBy(i => mus[i]).ThenBy(i => i).ToArray();
        var padded = new double[mus.Length + 2];
        padded[0] = low;
        padded[^1] = high;
        for (var i = 0; i < order.Length; i++) padded[i + 1] = mus[order[i]];
        var sorted = new double[mus.Length];
        for (var i = 0; i < sorted.Length; i++)
            sorted[i] = Math.Max(padded[i + 1] - padded[i], padded[i + 2] - padded[i + 1]);
        if (padded.Length >= 4)
        {
            sorted[0] = padded[2] - padded[1];
            sorted[^1] = padded[^2] - padded[^3];
        }

        var sigmas = new double[mus.Length];
        for (var i = 0; i < order.Length; i++) sigmas[order[i]] = sorted[i];
        return sigmas;
    }
}
