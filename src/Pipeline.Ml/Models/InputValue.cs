using System.Globalization;
using System.Text.Json;

namespace Pipeline.Ml.Models;

/// <summary>What one input cell is, in the terms MLflow's type checks care about.</summary>
internal enum InputValueKind { Null, Boolean, Integer, Float32, Floating, String, Binary, Datetime, Other }

/// <summary>A classified input cell: .NET values and <see cref="JsonElement"/>s alike.</summary>
internal readonly record struct InputValue(InputValueKind Kind, Int128 Integer = default, double Number = 0, string? Text = null)
{
    public static InputValue From(object? value) => value switch
    {
        null => new(InputValueKind.Null),
        JsonElement e => FromJson(e),
        bool => new(InputValueKind.Boolean),
        sbyte or short or int or long or byte or ushort or uint or ulong or Int128 =>
            new(InputValueKind.Integer, Integer: Int128.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture)),
        float f => float.IsNaN(f) ? new(InputValueKind.Null) : new(InputValueKind.Float32, Number: f),
        double d => double.IsNaN(d) ? new(InputValueKind.Null) : new(InputValueKind.Floating, Number: d),
        decimal m => new(InputValueKind.Floating, Number: (double)m),
        string s => new(InputValueKind.String, Text: s),
        char c => new(InputValueKind.String, Text: c.ToString()),
        ReadOnlyMemory<char> m => new(InputValueKind.String, Text: m.ToString()),
        byte[] => new(InputValueKind.Binary),
        DateTime or DateTimeOffset or DateOnly => new(InputValueKind.Datetime),
        _ => new(InputValueKind.Other, Text: value.GetType().Name),
    };

    private static InputValue FromJson(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Null: return new(InputValueKind.Null);
            case JsonValueKind.True or JsonValueKind.False: return new(InputValueKind.Boolean);
            case JsonValueKind.String: return new(InputValueKind.String, Text: e.GetString());
            case JsonValueKind.Number:
                var raw = e.GetRawText();
                // JSON has one number type; like Python's parser, a literal without '.'/exponent is an int.
                if (raw.IndexOfAny(['.', 'e', 'E']) < 0 && Int128.TryParse(raw, CultureInfo.InvariantCulture, out var i))
                    return new(InputValueKind.Integer, Integer: i);
                return new(InputValueKind.Floating, Number: e.GetDouble(), Text: raw);
            default: return new(InputValueKind.Other, Text: "JSON " + e.ValueKind.ToString().ToLowerInvariant());
        }
    }

    public string Describe() => Kind switch
    {
        InputValueKind.Null => "a missing value",
        InputValueKind.Boolean => "a boolean",
        InputValueKind.Integer => $"the integer {Integer}",
        InputValueKind.Float32 or InputValueKind.Floating => $"the floating-point number {Text ?? Number.ToString("R", CultureInfo.InvariantCulture)}",
        InputValueKind.String => $"the string \"{Truncate(Text ?? "")}\"",
        InputValueKind.Binary => "binary data",
        InputValueKind.Datetime => "a datetime",
        _ => $"a value of type {Text}",
    };

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "...";
}
