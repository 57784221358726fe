using System.Globalization;
using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Stages.Evaluate;

/// <summary>
/// One gate checked against a metric: passed or not, with the value it saw (NaN when the metric is missing), the
/// threshold it was held to (a baseline gate's resolved value, NaN when there is none) and, for a baseline gate, which
/// version the baseline came from.
/// </summary>
public sealed record GateVerdict(GateSpec Gate, double Value, bool Passed, double Threshold = double.NaN, string? Baseline = null)
{
    /// <summary>Checks a gate with a fixed threshold, or a baseline gate against <paramref name="baselines"/>.</summary>
    public static GateVerdict Check(GateSpec gate, IReadOnlyDictionary<string, double> metrics, GateBaselines? baselines = null)
    {
        var value = metrics.GetValueOrDefault(gate.Metric, double.NaN);
        if (gate.Baseline is not { } baseline)
            return new GateVerdict(gate, value, !double.IsNaN(value) && gate.IsMet(value), gate.Threshold);

        var holder = (baselines ?? GateBaselines.None).HolderOf(baseline.Alias);
        // A first run has nothing to compare with: the gate passes and says so, so the first version can become the baseline.
        if (holder.Version is null)
            return new GateVerdict(gate, value, true, double.NaN, $"no version holds @{baseline.Alias} yet, nothing to compare with");
        var source = $"@{baseline.Alias} = version {holder.Version.VersionText}";
        if (holder.Evaluation is null)
            return new GateVerdict(gate, value, false, double.NaN, $"{source} has no recorded evaluation");
        if (holder.Evaluation.Data.Metric(baseline.Metric) is not { } baselineValue)
            return new GateVerdict(gate, value, false, double.NaN, $"{source}: its evaluation (run {holder.Evaluation.Info.RunId}) has no metric '{baseline.Metric}'");
        var threshold = baselineValue + baseline.Offset;
        return new GateVerdict(gate, value, !double.IsNaN(value) && gate.IsMet(value, threshold), threshold,
            $"{source}, {baseline.Metric} = {F(baselineValue)}");
    }

    /// <summary>
    /// E.g. <c>passed: roc_auc = 0.9981 &gt;= 0.95</c>, <c>failed: accuracy_score = 0.8812, required &gt;= 0.9</c>, or
    /// <c>passed: roc_auc = 0.9981 &gt;= 0.9952 (champion.roc_auc - 0.002; @champion = version 3, roc_auc = 0.9972)</c>.
    /// </summary>
    public override string ToString()
    {
        var value = F(Value);
        var threshold = Gate.Baseline is null ? Gate.Threshold.ToString("R", CultureInfo.InvariantCulture) : F(Threshold);
        var origin = Gate.Baseline is null ? "" : $" ({Gate.Baseline}; {Baseline})";
        if (Gate.Baseline is not null && double.IsNaN(Threshold))
            return $"{(Passed ? "passed" : "failed")}: {Gate.Metric} = {value} {Gate.Operator} {Gate.Baseline}: {Baseline}";
        return Passed
            ? $"passed: {Gate.Metric} = {value} {Gate.Operator} {threshold}{origin}"
            : $"failed: {Gate.Metric} = {value}, required {Gate.Operator} {threshold}{origin}";
    }

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
