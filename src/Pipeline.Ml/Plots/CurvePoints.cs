namespace Pipeline.Ml.Plots;

/// <summary>A curve as parallel arrays of x and y (e.g. FPR/TPR for ROC, recall/precision for PR).</summary>
/// <param name="X">The x values.</param>
/// <param name="Y">The y values, as many as <paramref name="X"/>.</param>
public sealed record CurvePoints(double[] X, double[] Y)
{
    /// <summary>Throws when the arrays differ in length or are empty; the message names the plot.</summary>
    public void Validate(string what)
    {
        ArgumentNullException.ThrowIfNull(X, $"{what}.X");
        ArgumentNullException.ThrowIfNull(Y, $"{what}.Y");
        if (X.Length != Y.Length)
            throw new ArgumentException($"{what}: X has {X.Length} points but Y has {Y.Length}.");
        if (X.Length == 0)
            throw new ArgumentException($"{what}: the curve has no points.");
    }
}
