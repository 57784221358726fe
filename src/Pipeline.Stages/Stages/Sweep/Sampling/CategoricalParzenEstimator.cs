using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Stages.Sweep.Sampling;

/// <summary>
/// A Parzen estimator over <c>k</c> choices: each observation is a kernel that puts its weight on the observed
/// choice plus a share of the prior weight spread evenly; the prior itself is uniform (Optuna's rule).
/// </summary>
internal sealed class CategoricalParzenEstimator
{
    private readonly double[] _probabilities;

    public CategoricalParzenEstimator(IReadOnlyList<int> observations, int choices, double priorWeight)
    {
        var n = observations.Count;
        var mixture = n == 0 ? [1.0] : ParzenWeights.For(n, priorWeight);
        _probabilities = new double[choices];
        var spread = priorWeight / (n + 1);
        for (var i = 0; i < n; i++)
        {
            var total = (spread * choices) + 1;
            for (var c = 0; c < choices; c++)
                _probabilities[c] += mixture[i] * (spread + (c == observations[i] ? 1 : 0)) / total;
        }

        for (var c = 0; c < choices; c++) _probabilities[c] += mixture[^1] / choices;
    }

    /// <summary>The mixture's probability of each choice.</summary>
    public IReadOnlyList<double> Probabilities => _probabilities;

    public int Sample(SplitMix64 random) => ParzenWeights.Pick(_probabilities, random);

    public double LogPdf(int choice) => Math.Log(_probabilities[choice]);
}
