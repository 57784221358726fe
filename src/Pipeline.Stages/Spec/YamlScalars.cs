using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Stages.Spec;

/// <summary>
/// Reads plain YAML scalars by the YAML 1.2 core schema. The representation model keeps every scalar as text,
/// so types are decided here: quoted scalars are always strings.
/// </summary>
internal static partial class YamlScalars
{
    public static bool IsPlain(YamlScalarNode node) => node.Style is ScalarStyle.Plain or ScalarStyle.Any;

    public static bool IsNull(YamlNode? node) =>
        node is null
        || (node is YamlScalarNode scalar && IsPlain(scalar) && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL");

    public static bool TryBoolean(YamlScalarNode node, out bool value)
    {
        value = node.Value is "true" or "True" or "TRUE";
        return IsPlain(node) && (value || node.Value is "false" or "False" or "FALSE");
    }

    public static bool TryInteger(YamlScalarNode node, out long value)
    {
        value = 0;
        return IsPlain(node)
            && node.Value is { } text
            && IntegerLiteral().IsMatch(text)
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Integers and finite reals; <c>.inf</c> and <c>.nan</c> are refused.</summary>
    public static bool TryNumber(YamlScalarNode node, out double value)
    {
        value = 0;
        return IsPlain(node)
            && node.Value is { } text
            && (IntegerLiteral().IsMatch(text) || RealLiteral().IsMatch(text))
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    /// <summary>The value as YAML would type it, keeping the literal text.</summary>
    public static ParameterValue ToParameterValue(YamlScalarNode node)
    {
        var text = node.Value ?? "";
        if (TryInteger(node, out var integer)) return ParameterValue.FromInteger(integer);
        if (TryNumber(node, out var number)) return ParameterValue.FromNumber(number, text);
        if (TryBoolean(node, out var boolean)) return ParameterValue.FromBoolean(boolean);
        return ParameterValue.FromString(text);
    }

    /// <summary>How a node reads in an error message: <c>'abc'</c>, <c>a list</c>, <c>a mapping</c>, <c>null</c>.</summary>
    public static string Describe(YamlNode? node) => node switch
    {
        _ when IsNull(node) => "null",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "an alias",
    };

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerLiteral();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex RealLiteral();
}
