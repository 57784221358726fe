using System.Globalization;
using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Stages.Evaluate;

/// <summary>One gate checked against a metric: passed or not, with the value it saw (NaN when the metric is missing).</summary>
public sealed record GateVerdict(GateSpec Gate, double Value, bool Passed)
{
    public static GateVerdict Check(GateSpec gate, IReadOnlyDictionary<string, double> metrics)
    {
        var value = metrics.GetValueOrDefault(gate.Metric, double.NaN);
        return new GateVerdict(gate, value, !double.IsNaN(value) && gate.IsMet(value));
    }

    /// <summary>E.g. <c>passed: roc_auc = 0.9981 &gt;= 0.95</c>, or <c>failed: accuracy_score = 0.8812, required &gt;= 0.9</c>.</summary>
    public override string ToString()
    {
        var value = Value.ToString("0.####", CultureInfo.InvariantCulture);
        var threshold = Gate.Threshold.ToString("R", CultureInfo.InvariantCulture);
        return Passed
            ? $"passed: {Gate.Metric} = {value} {Gate.Operator} {threshold}"
            : $"failed: {Gate.Metric} = {value}, required {Gate.Operator} {threshold}";
    }
}
