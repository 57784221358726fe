namespace Pipeline.Ml.Drift;

/// <summary>The outcome of comparing a live sample with a training profile.</summary>
/// <param name="Rows">Live rows compared.</param>
/// <param name="TrainingRows">Rows in the training split.</param>
/// <param name="Features">Per feature, in the profile's order.</param>
/// <param name="Predictions">The prediction-distribution shift; null when the profile or the log has no predictions.</param>
/// <param name="PsiNoiseFloor">What PSI comes to from sampling alone for this many rows over the bins used (see <see cref="PopulationStability.NoiseFloor"/>).</param>
public sealed record DriftAnalysis(
    int Rows, long TrainingRows, IReadOnlyList<FeatureDrift> Features, PredictionDrift? Predictions, double PsiNoiseFloor)
{
    /// <summary>The prefix of per-feature PSI metrics: <c>psi.mean_radius</c>.</summary>
    public const string PsiMetric = "psi";

    /// <summary>The prefix of per-feature KS metrics: <c>ks.mean_radius</c>.</summary>
    public const string KsMetric = "ks";

    /// <summary>The prediction shift's metric.</summary>
    public const string PredictionPsiMetric = "prediction_psi";

    /// <summary>
    /// Every figure as an MLflow metric: <c>psi.&lt;feature&gt;</c>, <c>ks.&lt;feature&gt;</c>, <c>psi_max</c>, <c>ks_max</c>,
    /// <c>prediction_psi</c> and <c>rows</c>. Features without live values are left out.
    /// </summary>
    public IReadOnlyDictionary<string, double> Metrics()
    {
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal) { ["rows"] = Rows };
        foreach (var f in Features.Where(f => !double.IsNaN(f.Psi)))
        {
            metrics[$"{PsiMetric}.{f.Name}"] = f.Psi;
            metrics[$"{KsMetric}.{f.Name}"] = f.Ks;
        }

        var measured = Features.Where(f => !double.IsNaN(f.Psi)).ToArray();
        if (measured.Length > 0)
        {
            metrics["psi_max"] = measured.Max(f => f.Psi);
            metrics["ks_max"] = measured.Max(f => f.Ks);
        }

        if (Predictions is { Psi: var psi } && !double.IsNaN(psi))
            metrics[PredictionPsiMetric] = psi;
        return metrics;
    }
}
