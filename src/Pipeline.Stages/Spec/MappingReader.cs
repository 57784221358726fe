using YamlDotNet.RepresentationModel;

namespace Pipeline.Stages.Spec;

/// <summary>Typed access to one YAML mapping's keys, reporting wrong types and missing keys with their lines.</summary>
internal sealed class MappingReader
{
    private readonly SpecReader reader;
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> entries = new(StringComparer.Ordinal);

    public MappingReader(SpecReader reader, YamlMappingNode node, string path, IReadOnlyList<string> knownKeys)
    {
        this.reader = reader;
        Node = node;
        Path = path;
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } scalarKey)
            {
                reader.Error(key, path, $"expected a plain key, got {YamlScalars.Describe(key)}");
            }
            else if (!knownKeys.Contains(name, StringComparer.Ordinal))
            {
                reader.Error(key, SpecReader.Join(path, name),
                    $"unknown key '{name}'{KeySuggester.Hint(name, knownKeys)} (allowed: {string.Join(", ", knownKeys)})");
            }
            else
            {
                entries[name] = (scalarKey, value);
            }
        }
    }

    public YamlMappingNode Node { get; }

    public string Path { get; }

    public string PathOf(string key) => SpecReader.Join(Path, key);

    /// <summary>The value node of a known key, or null when absent or null.</summary>
    public YamlNode? Get(string key) =>
        entries.TryGetValue(key, out var entry) && !YamlScalars.IsNull(entry.Value) ? entry.Value : null;

    /// <summary>Whether the key is written at all, even with a null value.</summary>
    public bool Contains(string key) => entries.ContainsKey(key);

    /// <summary>The value node, reporting a missing required key on the mapping's first line.</summary>
    public YamlNode? Require(string key, string what = "key")
    {
        var node = Get(key);
        if (node is null)
        {
            var at = entries.TryGetValue(key, out var entry) ? entry.Key : (YamlNode)Node;
            reader.Error(at, PathOf(key), $"missing required {what}");
        }

        return node;
    }

    public string? String(string key, bool required = false)
    {
        var node = required ? Require(key) : Get(key);
        if (node is null) return null;
        if (node is YamlScalarNode { Value: { } text } && text.Trim().Length > 0) return text;
        reader.Error(node, PathOf(key), $"expected a non-empty string, got {YamlScalars.Describe(node)}");
        return null;
    }

    public bool? Boolean(string key)
    {
        var node = Get(key);
        if (node is null) return null;
        if (node is YamlScalarNode scalar && YamlScalars.TryBoolean(scalar, out var value)) return value;
        reader.Error(node, PathOf(key), $"expected true or false, got {YamlScalars.Describe(node)}");
        return null;
    }

    /// <summary>An integer within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int? Integer(string key, int min = int.MinValue, int max = int.MaxValue, bool required = false)
    {
        var node = required ? Require(key) : Get(key);
        if (node is null) return null;
        if (node is not YamlScalarNode scalar || !YamlScalars.TryInteger(scalar, out var value))
        {
            reader.Error(node, PathOf(key), $"expected an integer, got {YamlScalars.Describe(node)}");
            return null;
        }

        if (value < min || value > max)
        {
            var range = max == int.MaxValue ? $">= {min}" : $"between {min} and {max}";
            reader.Error(node, PathOf(key), $"must be {range}, got {value}");
            return null;
        }

        return (int)value;
    }

    /// <summary>A finite number, checked by <paramref name="isAllowed"/> (described by <paramref name="rule"/>).</summary>
    public double? Number(string key, Func<double, bool>? isAllowed = null, string? rule = null, bool required = false)
    {
        var node = required ? Require(key) : Get(key);
        if (node is null) return null;
        if (node is not YamlScalarNode scalar || !YamlScalars.TryNumber(scalar, out var value))
        {
            reader.Error(node, PathOf(key), $"expected a number, got {YamlScalars.Describe(node)}");
            return null;
        }

        if (isAllowed is not null && !isAllowed(value))
        {
            reader.Error(node, PathOf(key), $"must be {rule}, got {scalar.Value}");
            return null;
        }

        return value;
    }

    /// <summary>One of <paramref name="values"/>, spelt by <paramref name="name"/>.</summary>
    public T? Choice<T>(string key, IReadOnlyList<T> values, Func<T, string> name, bool required = false)
        where T : struct
    {
        var node = required ? Require(key) : Get(key);
        if (node is null) return null;
        var names = values.Select(name).ToList();
        if (node is YamlScalarNode { Value: { } text })
        {
            var index = names.IndexOf(text);
            if (index >= 0) return values[index];
        }

        var given = (node as YamlScalarNode)?.Value ?? "";
        reader.Error(node, PathOf(key),
            $"unknown value {YamlScalars.Describe(node)}{KeySuggester.Hint(given, names)} (allowed: {string.Join(", ", names)})");
        return null;
    }
}
