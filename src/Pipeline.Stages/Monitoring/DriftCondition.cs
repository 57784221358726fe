using System.Globalization;
using Pipeline.Ml.Drift;
using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Monitoring;

/// <summary>
/// One <c>--fail-on</c> expression, written as an evaluation gate (<c>metric op threshold</c>, parsed by
/// <see cref="GateSpec.TryParse"/>) but met when drift is found: <c>psi &gt; 0.2</c> fails when any feature's PSI is above
/// 0.2. Metrics: <c>psi</c> and <c>ks</c> (every feature), <c>psi.&lt;feature&gt;</c> and <c>ks.&lt;feature&gt;</c> (one),
/// <c>psi_max</c>, <c>ks_max</c>, <c>prediction_psi</c>, <c>rows</c>.
/// </summary>
public sealed record DriftCondition(GateSpec Expression)
{
    /// <summary>The metrics every analysis offers, besides the per-feature ones.</summary>
    public static IReadOnlyList<string> Metrics { get; } = ["psi", "ks", "psi_max", "ks_max", DriftAnalysis.PredictionPsiMetric, "rows"];

    /// <summary>Parses an expression; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string text, out DriftCondition? condition, out string? error)
    {
        condition = null;
        if (!GateSpec.TryParse(text, out var gate, out error))
        {
            error = $"--fail-on: {error}, e.g. \"psi > 0.2\"";
            return false;
        }

        if (gate!.Baseline is not null)
        {
            error = $"--fail-on '{text}': the threshold must be a number; drift has no alias baseline.";
            return false;
        }

        var metric = gate.Metric;
        if (!Metrics.Contains(metric) && !metric.StartsWith("psi.", StringComparison.Ordinal) && !metric.StartsWith("ks.", StringComparison.Ordinal))
        {
            error = $"--fail-on '{text}': unknown metric '{metric}'; use one of {string.Join(", ", Metrics)}, psi.<feature> or ks.<feature>.";
            return false;
        }

        condition = new DriftCondition(gate);
        return true;
    }

    /// <summary>A per-feature metric naming a feature the profile does not have; null when every name is known.</summary>
    public string? UnknownFeature(IReadOnlyCollection<string> features)
    {
        var metric = Expression.Metric;
        var dot = metric.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0) return null;
        var feature = metric[(dot + 1)..];
        return features.Contains(feature) ? null : $"--fail-on '{Expression}': the model has no feature '{feature}' (features: {string.Join(", ", features)}).";
    }

    /// <summary>Each figure that meets the condition, as <c>psi.mean_area = 3.41 &gt; 0.2</c>; empty when none does.</summary>
    public IReadOnlyList<string> Check(DriftAnalysis analysis)
    {
        var metrics = analysis.Metrics();
        IEnumerable<KeyValuePair<string, double>> candidates = Expression.Metric switch
        {
            "psi" => metrics.Where(m => m.Key.StartsWith("psi.", StringComparison.Ordinal)),
            "ks" => metrics.Where(m => m.Key.StartsWith("ks.", StringComparison.Ordinal)),
            var name => metrics.Where(m => m.Key == name),
        };
        return candidates.Where(m => !double.IsNaN(m.Value) && Expression.IsMet(m.Value))
            .Select(m => $"{m.Key} = {m.Value.ToString("0.####", CultureInfo.InvariantCulture)} {Expression.Operator} {Expression.Threshold.ToString("R", CultureInfo.InvariantCulture)}")
            .ToArray();
    }

    /// <inheritdoc />
    public override string ToString() => Expression.ToString();
}
