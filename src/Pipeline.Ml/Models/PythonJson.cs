using System.Globalization;
using System.Text;

namespace Pipeline.Ml.Models;

/// <summary>
/// Writes JSON tokens the way Python's <c>json.dumps</c> does with its defaults, so that strings MLflow
/// compares or hashes (signature JSON, input examples) come out byte-identical: <c>", "</c> and
/// <c>": "</c> separators, non-ASCII escaped as lower-case <c>\uXXXX</c>, floats in <c>repr</c> form.
/// </summary>
internal static partial class PythonJson
{
    public static void AppendString(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7e)
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    public static string String(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        AppendString(sb, value);
        return sb.ToString();
    }

    /// <summary>
    /// Python's <c>repr(float)</c>: shortest round-trip digits, positional for exponents -4..15 with at
    /// least one decimal (<c>1.0</c>), otherwise scientific with a signed two-digit exponent (<c>1e-05</c>).
    /// NaN and infinities have no JSON form; MLflow writes them as null, so callers do that first.
    /// </summary>
    public static string Float(double value)
    {
        if (!double.IsFinite(value))
            throw new ArgumentOutOfRangeException(nameof(value), value, "NaN and infinities have no JSON form.");
        if (value == 0)
            return double.IsNegative(value) ? "-0.0" : "0.0";

        // "E16" is not shortest; "R" is shortest but picks its own notation: normalise from its digits.
        var r = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        int exp = 0;
        var ePos = r.IndexOfAny(['E', 'e']);
        if (ePos >= 0)
        {
            exp = int.Parse(r.AsSpan(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..ePos];
        }
        var dot = r.IndexOf('.');
        var intPart = dot >= 0 ? r[..dot] : r;
        var fracPart = dot >= 0 ? r[(dot + 1)..] : "";
        var digits = (intPart + fracPart).TrimStart('0');
        // Position of the decimal point relative to the first significant digit.
        int leadingZeros = (intPart + fracPart).Length - (intPart + fracPart).TrimStart('0').Length;
        int pointPos = intPart.Length + exp - leadingZeros;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        int decimalExponent = pointPos - 1;

        var sb = new StringBuilder();
        if (value < 0) sb.Append('-');
        if (decimalExponent >= -4 && decimalExponent < 16)
        {
            if (pointPos <= 0)
                sb.Append("0.").Append('0', -pointPos).Append(digits);
            else if (pointPos >= digits.Length)
                sb.Append(digits).Append('0', pointPos - digits.Length).Append(".0");
            else
                sb.Append(digits, 0, pointPos).Append('.').Append(digits, pointPos, digits.Length - pointPos);
        }
        else
        {
            sb.Append(digits[0]);
            if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
            sb.Append('e').Append(decimalExponent < 0 ? '-' : '+')
              .Append(Math.Abs(decimalExponent).ToString("00", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
