namespace Pipeline.Stages.Stages.Sweep.Sampling;

/// <summary>Mixture weights of a Parzen estimator (Optuna's <c>default_weights</c> plus the prior).</summary>
internal static class ParzenWeights
{
    /// <summary>
    /// Weights of <paramref name="n"/> observations in trial order: 1 each up to 25; beyond, the oldest ramp up
    /// linearly from 1/n so that recent trials count more. The prior's weight is appended; the sum is 1.
    /// With no observation the prior alone has weight 1.
    /// </summary>
    public static double[] For(int n, double priorWeight)
    {
        var weights = new double[n + 1];
        var ramp = n < 25 ? 0 : n - 25;
        for (var i = 0; i < n; i++)
            weights[i] = i < ramp ? Linspace(1.0 / n, 1.0, ramp, i) : 1.0;
        weights[n] = n == 0 ? 1.0 : priorWeight;
        var sum = weights.Sum();
        for (var i = 0; i <= n; i++) weights[i] /= sum;
        return weights;
    }

    /// <summary>Picks a component index with probability proportional to its weight.</summary>
    public static int Pick(double[] weights, Spec.SplitMix64 random)
    {
        var u = random.NextDouble();
        for (var i = 0; i < weights.Length; i++)
        {
            u -= weights[i];
            if (u < 0) return i;
        }

        return weights.Length - 1;
    }

    private static double Linspace(double start, double stop, int count, int i) =>
        count == 1 ? start : start + ((stop - start) * i / (count - 1));
}
