using System.Globalization;
using System.Text.Json;
using Pipeline.Serving.Schema;

namespace Pipeline.Serving.Protocol;

/// <summary>
/// Lossless conversion of one cell to a signature type. Integers convert to double; a fraction never becomes an
/// integer; text converts only when it parses completely (CSV cells, or JSON strings in numeric or boolean
/// columns, as pandas' <c>astype</c> would); a number never becomes a string. A float column takes any finite
/// number within float32's range, rounded to the nearest float. On failure <c>error</c> says why.
/// </summary>
internal static class CellConverter
{
    private const double TwoTo63 = 9223372036854775808d;

    public static bool TryConvert(JsonElement cell, ScoringType type, out object? value, out string? error)
    {
        value = null;
        error = null;
        switch (cell.ValueKind)
        {
            case JsonValueKind.String:
                var text = cell.GetString()!;
                return type == ScoringType.String ? Set(text, out value) : TryConvert(text, type, out value, out error);
            case JsonValueKind.Number:
                return TryNumber(cell, type, out value, out error);
            case JsonValueKind.True or JsonValueKind.False when type == ScoringType.Boolean:
                value = cell.ValueKind == JsonValueKind.True;
                return true;
            default:
                error = $"{PythonRepr.Token(cell)} ({PythonRepr.TypeName(cell)}) cannot be converted to {type.ToNumpyName()}";
                return false;
        }
    }

    /// <summary>Converts text; the caller handles null (an empty CSV field).</summary>
    public static bool TryConvert(string text, ScoringType type, out object? value, out string? error)
    {
        error = null;
        value = null;
        var ok = type switch
        {
            ScoringType.String => Set(text, out value),
            ScoringType.Boolean => TryBoolean(text, out value),
            ScoringType.Long or ScoringType.Integer =>
                long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
                    ? TryWhole(whole, type, out value)
                    : TryDouble(text, out var d) && TryWhole(d, type, out value),
            _ => TryDouble(text, out var real) && TryReal(real, type, out value),
        };
        if (!ok)
        {
            error = $"{PythonRepr.Token(text)} cannot be converted to {type.ToNumpyName()} without loss";
        }

        return ok;
    }

    private static bool TryNumber(JsonElement cell, ScoringType type, out object? value, out string? error)
    {
        value = null;
        error = null;
        var ok = type switch
        {
            ScoringType.String or ScoringType.Boolean => false,
            ScoringType.Long or ScoringType.Integer => cell.TryGetInt64(out var whole)
                ? TryWhole(whole, type, out value)
                : cell.TryGetDouble(out var d) && TryWhole(d, type, out value),
            // A literal beyond double's range (1e400) reads as infinity: refuse it rather than change it.
            _ => cell.TryGetDouble(out var real) && double.IsFinite(real) && TryReal(real, type, out value),
        };
        if (!ok)
        {
            var loss = type is ScoringType.String or ScoringType.Boolean ? string.Empty : " without loss";
            error = $"{PythonRepr.Token(cell)} ({PythonRepr.TypeName(cell)}) cannot be converted to {type.ToNumpyName()}{loss}";
        }

        return ok;
    }

    private static bool TryDouble(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static bool TryWhole(long whole, ScoringType type, out object? value)
    {
        value = type == ScoringType.Long ? whole : whole is >= int.MinValue and <= int.MaxValue ? (int)whole : null;
        return value is not null;
    }

    private static bool TryWhole(double real, ScoringType type, out object? value)
    {
        value = null;
        return double.IsFinite(real) && Math.Floor(real) == real && real >= -TwoTo63 && real < TwoTo63
            && TryWhole((long)real, type, out value);
    }

    private static bool TryReal(double real, ScoringType type, out object? value)
    {
        if (type == ScoringType.Double)
        {
            value = real;
            return true;
        }

        var single = (float)real;
        value = float.IsInfinity(single) && !double.IsInfinity(real) ? null : single;
        return value is not null;
    }

    private static bool TryBoolean(string text, out object? value)
    {
        value = text.Equals("true", StringComparison.OrdinalIgnoreCase) ? true
            : text.Equals("false", StringComparison.OrdinalIgnoreCase) ? false
            : null;
        return value is not null;
    }

    private static bool Set(string text, out object? value)
    {
        value = text;
        return true;
    }
}
