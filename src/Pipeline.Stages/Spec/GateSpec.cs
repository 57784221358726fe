using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Stages.Spec;

/// <summary>
/// One evaluation gate, written <c>metric op threshold</c> with <c>op</c> one of <c>&gt;=</c>, <c>&gt;</c>,
/// <c>&lt;=</c>, <c>&lt;</c>, <c>==</c>, e.g. <c>roc_auc &gt;= 0.95</c>.
/// </summary>
/// <param name="Metric">An MLflow metric name the task kind produces.</param>
/// <param name="Comparator">The comparison.</param>
/// <param name="Threshold">A finite number.</param>
public sealed partial record GateSpec(string Metric, GateComparator Comparator, double Threshold)
{
    /// <summary>Whether <paramref name="value"/> passes the gate; NaN never does.</summary>
    public bool IsMet(double value) => Comparator switch
    {
        GateComparator.GreaterOrEqual => value >= Threshold,
        GateComparator.Greater => value > Threshold,
        GateComparator.LessOrEqual => value <= Threshold,
        GateComparator.Less => value < Threshold,
        GateComparator.Equal => value == Threshold,
        _ => false,
    };

    /// <summary>The comparator as written in YAML, e.g. <c>&gt;=</c>.</summary>
    public string Operator => Comparator switch
    {
        GateComparator.GreaterOrEqual => ">=",
        GateComparator.Greater => ">",
        GateComparator.LessOrEqual => "<=",
        GateComparator.Less => "<",
        _ => "==",
    };

    /// <summary>Parses <c>metric op threshold</c>; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string expression, out GateSpec? gate, out string? error)
    {
        gate = null;
        var match = Expression().Match(expression);
        if (!match.Success)
        {
            error = $"cannot parse gate '{expression}': expected 'metric op threshold' with op one of >=, >, <=, <, ==";
            return false;
        }

        var thresholdText = match.Groups["threshold"].Value;
        if (!double.TryParse(thresholdText, NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold)
            || !double.IsFinite(threshold))
        {
            error = $"gate '{expression}': threshold '{thresholdText}' is not a finite number";
            return false;
        }

        var comparator = match.Groups["op"].Value switch
        {
            ">=" => GateComparator.GreaterOrEqual,
            ">" => GateComparator.Greater,
            "<=" => GateComparator.LessOrEqual,
            "<" => GateComparator.Less,
            _ => GateComparator.Equal,
        };
        gate = new GateSpec(match.Groups["metric"].Value, comparator, threshold);
        error = null;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Metric} {Operator} {Threshold.ToString("R", CultureInfo.InvariantCulture)}";

    [GeneratedRegex(@"^\s*(?<metric>[A-Za-z_][A-Za-z0-9_.]*)\s*(?<op>>=|<=|==|>|<)\s*(?<threshold>\S+)\s*$")]
    private static partial Regex Expression();
}
