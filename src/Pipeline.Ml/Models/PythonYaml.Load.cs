using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Ml.Models;

internal static partial class PythonYaml
{
    /// <summary>
    /// Loads a YAML document into dictionaries (ordinal keys), lists and scalars; plain scalars are typed
    /// as PyYAML's safe loader types them (null, bool, long, double, else string).
    /// </summary>
    /// <exception cref="ModelFormatException">Not YAML, or not a mapping at the top; names line and column.</exception>
    public static Dictionary<string, object?> Load(string text, string source)
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(text)); }
        catch (YamlException e)
        {
            throw new ModelFormatException($"{source}: not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}", e);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new ModelFormatException($"{source}: expected a YAML mapping at the top level.");
        return (Dictionary<string, object?>)Convert(root, source)!;
    }

    private static object? Convert(YamlNode node, string source) => node switch
    {
        YamlMappingNode m => m.Children.ToDictionary(
            kv => kv.Key is YamlScalarNode k ? k.Value ?? "" : throw new ModelFormatException($"{source}: line {kv.Key.Start.Line}: mapping keys must be scalars."),
            kv => Convert(kv.Value, source),
            StringComparer.Ordinal),
        YamlSequenceNode s => s.Children.Select(c => Convert(c, source)).ToList(),
        YamlScalarNode { Style: ScalarStyle.Plain } p => Resolve(p.Value ?? ""),
        YamlScalarNode q => q.Value ?? "",
        _ => throw new ModelFormatException($"{source}: line {node.Start.Line}: unsupported YAML node."),
    };

    private static object? Resolve(string s)
    {
        switch (s)
        {
            case "" or "~" or "null" or "Null" or "NULL": return null;
            case "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON": return true;
            case "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF": return false;
            case ".nan" or ".NaN" or ".NAN": return double.NaN;
            case ".inf" or "+.inf" or ".Inf" or "+.Inf": return double.PositiveInfinity;
            case "-.inf" or "-.Inf": return double.NegativeInfinity;
        }
        if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
        if (s.Contains('.') && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
        return s;
    }
}
