using System.Text.Json.Serialization;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Stages.Spec;

/// <summary>
/// One evaluation gate, written <c>metric op threshold</c> with <c>op</c> one of <c>&gt;=</c>, <c>&gt;</c>,
/// <c>&lt;=</c>, <c>&lt;</c>, <c>==</c>, e.g. <c>roc_auc &gt;= 0.95</c>. The threshold may instead name the current
/// holder of a registered-model alias as the baseline: <c>roc_auc &gt;= champion.roc_auc - 0.002</c>.
/// </summary>
/// <param name="Metric">An MLflow metric name the task kind produces.</param>
/// <param name="Comparator">The comparison.</param>
/// <param name="Threshold">A finite number; 0 and unused when <paramref name="Baseline"/> is set.</param>
/// <param name="Baseline">The alias holder's metric (plus offset) the value is compared with instead of a fixed threshold.</param>
public sealed partial record GateSpec(string Metric, GateComparator Comparator, double Threshold,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] GateBaseline? Baseline = null)
{
    /// <summary>Whether <paramref name="value"/> passes the gate's fixed threshold; NaN never does.</summary>
    public bool IsMet(double value) => IsMet(value, Threshold);

    /// <summary>Whether <paramref name="value"/> passes against <paramref name="threshold"/> (a resolved baseline); NaN never does.</summary>
    public bool IsMet(double value, double threshold) => Comparator switch
    {
        GateComparator.GreaterOrEqual => value >= threshold,
        GateComparator.Greater => value > threshold,
        GateComparator.LessOrEqual => value <= threshold,
        GateComparator.Less => value < threshold,
        GateComparator.Equal => value == threshold,
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

    /// <summary>
    /// Parses <c>metric op threshold</c> or <c>metric op alias.metric [+|- offset]</c>; on failure <paramref name="error"/>
    /// says what is wrong.
    /// </summary>
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
        GateBaseline? baseline = null;
        var threshold = 0.0;
        if (BaselineExpression().Match(thresholdText) is { Success: true } reference)
        {
            var offsetText = reference.Groups["offset"].Value;
            var offset = 0.0;
            if (reference.Groups["sign"].Success
                && (!double.TryParse(offsetText, NumberStyles.Float, CultureInfo.InvariantCulture, out offset) || !double.IsFinite(offset) || offset < 0))
            {
                error = $"gate '{expression}': the offset '{offsetText}' after '{reference.Groups["sign"].Value}' is not a non-negative finite number";
                return false;
            }
            baseline = new GateBaseline(reference.Groups["alias"].Value, reference.Groups["metric"].Value,
                reference.Groups["sign"].Value == "-" ? -offset : offset);
        }
        else if (!double.TryParse(thresholdText, NumberStyles.Float, CultureInfo.InvariantCulture, out threshold)
            || !double.IsFinite(threshold))
        {
            error = $"gate '{expression}': threshold '{thresholdText}' is not a finite number or a baseline such as 'champion.{match.Groups["metric"].Value} - 0.002'";
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
        gate = new GateSpec(match.Groups["metric"].Value, comparator, threshold, baseline);
        error = null;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Metric} {Operator} {(Baseline is null ? Threshold.ToString("R", CultureInfo.InvariantCulture) : Baseline.ToString())}";

    [GeneratedRegex(@"^\s*(?<metric>[A-Za-z_][A-Za-z0-9_.]*)\s*(?<op>>=|<=|==|>|<)\s*(?<threshold>[^\s<>=].*?)\s*$")]
    private static partial Regex Expression();

    // An MLflow alias (letters, digits, '_', '-'), a dot, a metric name, then optionally '+' or '-' and an offset.
    [GeneratedRegex(@"^(?<alias>[A-Za-z][A-Za-z0-9_-]*)\.(?<metric>[A-Za-z_][A-Za-z0-9_.]*)(?:\s*(?<sign>[+-])\s*(?<offset>\S+))?$")]
    private static partial Regex BaselineExpression();
}
