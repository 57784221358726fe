namespace Pipeline.Stages.Monitoring;

/// <summary>
/// A bootstrap interval of <c>metric(other) − metric(baseline)</c> on live traffic.
/// </summary>
/// <param name="Metric">The metric compared (an evaluate-stage name, e.g. <c>accuracy_score</c>).</param>
/// <param name="Baseline">The baseline version (the champion).</param>
/// <param name="Other">The version compared with it (the challenger or shadow).</param>
/// <param name="Difference">The observed difference on all joined rows.</param>
/// <param name="Lower">The interval's lower end (percentile method).</param>
/// <param name="Upper">The interval's upper end.</param>
/// <param name="Confidence">The interval's coverage, e.g. 0.95.</param>
/// <param name="Resamples">Resamples drawn (each draws as many requests as were joined, with replacement).</param>
/// <param name="ValidResamples">Resamples whose metric was defined for both versions (AUC needs both classes).</param>
/// <param name="Paired">Both versions scored the same rows (shadow mode), so rows were resampled jointly.</param>
/// <param name="Seed">The random seed, so the interval can be reproduced.</param>
public sealed record BootstrapDifference(
    string Metric, string Baseline, string Other, double Difference, double Lower, double Upper, double Confidence,
    int Resamples, int ValidResamples, bool Paired, int Seed)
{
    /// <summary>The interval lies wholly above or below zero: the difference is unlikely to be chance alone.</summary>
    public bool ExcludesZero => ValidResamples > 0 && (Lower > 0 || Upper < 0);

    /// <summary>One sentence for people.</summary>
    public string Note => ValidResamples == 0
        ? $"{Metric}: no resample had the metric defined for both versions; no interval."
        : $"{Metric} {Other} − {Baseline} = {Difference:+0.0000;-0.0000;0.0000}, {Confidence * 100:0.#}% bootstrap interval " +
          $"[{Lower:+0.0000;-0.0000;0.0000}, {Upper:+0.0000;-0.0000;0.0000}] ({ValidResamples} {(Paired ? "paired " : "")}resamples, seed {Seed}): " +
          (ExcludesZero ? $"excludes zero, {Other} is {(Difference > 0 ? "higher" : "lower")}." : "includes zero, no significant difference.");
}
