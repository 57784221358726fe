using System.Globalization;

namespace Pipeline.Ml.Models;

/// <summary>
/// Checks input columns against a signature's input schema with the rules of MLflow's
/// <c>_enforce_mlflow_datatype</c>: only conversions that cannot change a value are allowed.
/// <list type="bullet">
/// <item>A required column that is absent is an error naming it; an absent optional column and extra
/// columns are fine (extra columns are ignored, as MLflow drops them).</item>
/// <item>integer / long: integers in range only. A floating-point value is an error even when it is
/// whole (MLflow refuses float64 → int64), and so is a missing value (integers cannot hold NaN).</item>
/// <item>double: floating-point values, floats, and integers up to 2^53 (exactly representable).</item>
/// <item>float: floats, integers up to 2^24, and doubles that survive the round trip through float32.</item>
/// <item>string: strings; boolean: booleans; binary: bytes or base64 text; datetime: dates or ISO-8601 text.</item>
/// <item>Missing values (null, NaN) are accepted for every type but integer and long.</item>
/// </list>
/// MLflow checks a whole pandas column's dtype; this checks each value, which accepts exactly the same
/// lossless cases but reports the first offending rows (at most <see cref="MaxViolationsPerColumn"/>).
/// </summary>
public static class SignatureValidator
{
    /// <summary>Violations reported per column before the rest are summarised; 5.</summary>
    public const int MaxViolationsPerColumn = 5;

    /// <summary>Validates columns (name → values, any of .NET scalars or <c>JsonElement</c>s).</summary>
    /// <param name="inputs">The input schema (from <see cref="ModelSignature.Inputs"/>).</param>
    /// <param name="columns">The input data by column name (ordinal, case-sensitive, as MLflow).</param>
    public static SignatureValidationResult Validate(
        IReadOnlyList<ColumnSpec> inputs, IReadOnlyDictionary<string, IReadOnlyList<object?>> columns)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(columns);
        var violations = new List<SignatureViolation>();
        foreach (var spec in inputs)
        {
            var name = spec.Name ?? throw new ArgumentException("The input schema has unnamed columns; name-based validation needs names.", nameof(inputs));
            if (!columns.TryGetValue(name, out var values))
            {
                if (spec.Required)
                    violations.Add(new(name, null, $"The input column '{name}' is required by the model signature but missing from the input data."));
                continue;
            }
            int count = 0;
            for (int row = 0; row < values.Count; row++)
            {
                var error = Check(InputValue.From(values[row]), spec.Type);
                if (error is null) continue;
                if (++count <= MaxViolationsPerColumn)
                    violations.Add(new(name, row, $"Column '{name}', row {row}: {error}"));
            }
            if (count > MaxViolationsPerColumn)
                violations.Add(new(name, null, $"Column '{name}': {count - MaxViolationsPerColumn} more rows do not fit type {spec.Type.ToName()}."));
        }
        return new SignatureValidationResult(violations);
    }

    /// <summary>Null when <paramref name="v"/> converts losslessly to <paramref name="t"/>, else why not.</summary>
    internal static string? Check(InputValue v, MlflowDataType t)
    {
        const double TwoPow53 = 9007199254740992d;
        const double TwoPow24 = 16777216d;
        var k = v.Kind;
        var target = t.ToName();
        string Cannot(string why = "") => $"{v.Describe()} cannot be converted to {target} without loss{why}.";

        switch (t)
        {
            case MlflowDataType.Long or MlflowDataType.Integer:
                if (k == InputValueKind.Null)
                    return $"a missing value cannot be stored in a {target} column; integer columns cannot hold missing values (declare the column as double to allow them).";
                if (k != InputValueKind.Integer) return Cannot();
                var (min, max) = t == MlflowDataType.Long ? ((Int128)long.MinValue, (Int128)long.MaxValue) : (int.MinValue, int.MaxValue);
                return v.Integer >= min && v.Integer <= max ? null : Cannot($" (outside {min}..{max})");
            case MlflowDataType.Double:
                return k switch
                {
                    InputValueKind.Null or InputValueKind.Floating or InputValueKind.Float32 => null,
                    InputValueKind.Integer => Int128.Abs(v.Integer) <= (Int128)TwoPow53 ? null : Cannot(" (beyond 2^53 a double cannot hold every integer)"),
                    _ => Cannot(),
                };
            case MlflowDataType.Float:
                return k switch
                {
                    InputValueKind.Null or InputValueKind.Float32 => null,
                    InputValueKind.Integer => Int128.Abs(v.Integer) <= (Int128)TwoPow24 ? null : Cannot(" (beyond 2^24 a float cannot hold every integer)"),
                    InputValueKind.Floating => double.IsInfinity(v.Number) || (double)(float)v.Number == v.Number ? null : Cannot(" (it is not exactly representable as a 32-bit float)"),
                    _ => Cannot(),
                };
            case MlflowDataType.String:
                return k is InputValueKind.Null or InputValueKind.String ? null : Cannot();
            case MlflowDataType.Boolean:
                return k is InputValueKind.Null or InputValueKind.Boolean ? null : Cannot();
            case MlflowDataType.Binary:
                if (k is InputValueKind.Null or InputValueKind.Binary) return null;
                return k == InputValueKind.String && IsBase64(v.Text!) ? null : Cannot(" (binary values are bytes or base64 text)");
            case MlflowDataType.Datetime:
                if (k is InputValueKind.Null or InputValueKind.Datetime) return null;
                return k == InputValueKind.String && DateTimeOffset.TryParse(v.Text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? null : Cannot(" (datetime values are dates or ISO-8601 text)");
            default:
                throw new ArgumentOutOfRangeException(nameof(t), t, null);
        }
    }

    private static bool IsBase64(string s)
    {
        var buffer = new byte[(s.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(s, buffer, out _);
    }
}
