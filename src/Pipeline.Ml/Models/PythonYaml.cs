using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Pipeline.Ml.Models;

/// <summary>
/// Emits plain .NET trees (dictionaries, lists, scalars) as PyYAML's <c>safe_dump(default_flow_style=False)</c>
/// does: keys sorted, block style, sequences not indented under their key, 80-column folding, and
/// strings single-quoted exactly when a plain scalar would read back as something else.
/// </summary>
internal static partial class PythonYaml
{
    public static string Dump(IReadOnlyDictionary<string, object?> root)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(writer, 2, 80);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, true));
        EmitNode(emitter, root);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void EmitNode(IEmitter emitter, object? value)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> map:
                emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
                foreach (var key in map.Keys.OrderBy(k => k, StringComparer.Ordinal))
                {
                    EmitString(emitter, key);
                    EmitNode(emitter, map[key]);
                }
                emitter.Emit(new MappingEnd());
                break;
            case IEnumerable<object?> list when value is not string:
                var items = list.ToList();
                // PyYAML writes an empty list in flow style even with default_flow_style=False.
                emitter.Emit(new SequenceStart(null, null, true, items.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in items) EmitNode(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
            case null: Plain(emitter, "null"); break;
            case bool b: Plain(emitter, b ? "true" : "false"); break;
            case int or long: Plain(emitter, System.Convert.ToString(value, CultureInfo.InvariantCulture)!); break;
            case double d: Plain(emitter, FormatFloat(d)); break;
            case string s: EmitString(emitter, s); break;
            default: throw new ArgumentException($"Cannot write a {value.GetType().Name} to YAML.", nameof(value));
        }
    }

    private static string FormatFloat(double d) =>
        double.IsNaN(d) ? ".nan" : double.IsPositiveInfinity(d) ? ".inf" : double.IsNegativeInfinity(d) ? "-.inf" : PythonJson.Float(d);

    private static void Plain(IEmitter emitter, string text) =>
        emitter.Emit(new Scalar(null, null, text, ScalarStyle.Plain, true, false));

    private static void EmitString(IEmitter emitter, string s) =>
        emitter.Emit(new Scalar(null, null, s, NeedsQuotes(s) ? ScalarStyle.SingleQuoted : ScalarStyle.Plain, true, true));

    /// <summary>True when a plain scalar would not read back as this string under YAML 1.1 (PyYAML's resolver).</summary>
    internal static bool NeedsQuotes(string s) =>
        s.Length == 0 || char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1])
        || "-?:,[]{}#&*!|>'\"%@`".Contains(s[0]) || s.Contains(": ", StringComparison.Ordinal)
        || s.Contains(" #", StringComparison.Ordinal) || s.EndsWith(':') || s.Any(char.IsControl)
        || ImplicitlyTyped().IsMatch(s);

    // PyYAML's implicit resolvers: bool, null, int, float, timestamp (YAML 1.1).
    [GeneratedRegex(@"^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL"
        + @"|[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+"
        + @"|[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*"
        + @"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
        + @"|[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?"
        + @"|=|<<)$")]
    private static partial Regex ImplicitlyTyped();
}
