using System.Globalization;

namespace Pipeline.Ml.Models;

/// <summary>Typed reads of a loaded YAML mapping whose errors name the file and the full key.</summary>
internal sealed class YamlKeys(Dictionary<string, object?> map, string source, string prefix = "")
{
    public Dictionary<string, object?>? Map(string key) => Get(key) switch
    {
        null => null,
        Dictionary<string, object?> d => d,
        var other => throw Wrong(key, "a mapping", other),
    };

    // PyYAML reads unquoted numbers as numbers; a string-valued key may still hold one (e.g. a version 5.0).
    public string? String(string key) => Get(key) switch
    {
        null => null,
        string s => s,
        long or double or bool => Convert.ToString(Get(key), CultureInfo.InvariantCulture),
        var other => throw Wrong(key, "a string", other),
    };

    public string RequiredString(string key) =>
        String(key) ?? throw new ModelFormatException($"{source}: missing required key '{prefix}{key}'.");

    public long? Long(string key) => Get(key) switch
    {
        null => null,
        long l => l,
        var other => throw Wrong(key, "an integer", other),
    };

    public IReadOnlyList<string> StringList(string key) => Get(key) switch
    {
        null => throw new ModelFormatException($"{source}: missing required key '{prefix}{key}'."),
        List<object?> items => items.Select((x, i) => x as string
            ?? throw new ModelFormatException($"{source}: {prefix}{key}[{i}] must be a string.")).ToList(),
        var other => throw Wrong(key, "a list", other),
    };

    public IReadOnlyList<string>? OptionalStringList(string key) => Get(key) is null ? null : StringList(key);

    public IReadOnlyList<double>? NumberList(string key) => Get(key) switch
    {
        null => null,
        List<object?> items => items.Select((x, i) => x switch
        {
            long l => (double)l,
            double d => d,
            _ => throw new ModelFormatException($"{source}: {prefix}{key}[{i}] must be a number."),
        }).ToList(),
        var other => throw Wrong(key, "a list", other),
    };

    private object? Get(string key) => map.TryGetValue(key, out var v) ? v : null;

    private ModelFormatException Wrong(string key, string expected, object? got) =>
        new($"{source}: '{prefix}{key}' must be {expected}, got {got?.GetType().Name ?? "null"}.");
}
