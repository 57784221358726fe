namespace Pipeline.Ml.Evaluation;

/// <summary>
/// scikit-learn's <c>log_loss</c>: probabilities clipped to [ε, 1 − ε] (ε the double machine epsilon),
/// each row rescaled to sum to one, then the mean of −log p(true class).
/// </summary>
internal static class LogLoss
{
    public static double Compute(IReadOnlyList<int> actual, IReadOnlyList<IReadOnlyList<double>> probabilities)
    {
        var total = 0.0;
        for (var i = 0; i < actual.Count; i++)
        {
            var row = probabilities[i];
            var sum = 0.0;
            foreach (var p in row) sum += Clip(p);
            total -= Math.Log(Clip(row[actual[i]]) / sum);
        }

        return total / actual.Count;
    }

    private static double Clip(double p) => Math.Clamp(p, Eps, 1 - Eps);

    private const double Eps = 2.220446049250313e-16;
}
