using System.Globalization;
using System.Text;

namespace Pipeline.Ml.Models;

internal static partial class PythonJson
{
    /// <summary>
    /// <c>json.dumps(tree)</c> (or with <c>indent</c>): objects are ordered key/value lists, arrays are
    /// lists; NaN and infinities become null as MLflow writes them; bytes become base64 and dates ISO text.
    /// </summary>
    public static string Dump(object? tree, int? indent = null)
    {
        var sb = new StringBuilder();
        Write(sb, tree, indent, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value, int? indent, int depth)
    {
        switch (value)
        {
            case null: sb.Append("null"); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case string s: AppendString(sb, s); break;
            case char c: AppendString(sb, c.ToString()); break;
            case ReadOnlyMemory<char> m: AppendString(sb, m.ToString()); break;
            case float f: WriteDouble(sb, f); break;
            case double d: WriteDouble(sb, d); break;
            case decimal m: WriteDouble(sb, (double)m); break;
            case sbyte or short or int or long or byte or ushort or uint or ulong:
                sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            case byte[] bytes: AppendString(sb, Convert.ToBase64String(bytes)); break;
            case DateTime dt: AppendString(sb, dt.ToString(dt.TimeOfDay == TimeSpan.Zero && dt.Kind == DateTimeKind.Unspecified ? "yyyy-MM-dd'T'HH:mm:ss" : "o", CultureInfo.InvariantCulture)); break;
            case DateTimeOffset dto: AppendString(sb, dto.ToString("o", CultureInfo.InvariantCulture)); break;
            case DateOnly date: AppendString(sb, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case IReadOnlyList<KeyValuePair<string, object?>> obj:
                WriteContainer(sb, '{', '}', obj.Count, indent, depth, i =>
                {
                    AppendString(sb, obj[i].Key);
                    sb.Append(": ");
                    Write(sb, obj[i].Value, indent, depth + 1);
                });
                break;
            case System.Collections.IEnumerable list:
                var items = list.Cast<object?>().ToList();
                WriteContainer(sb, '[', ']', items.Count, indent, depth, i => Write(sb, items[i], indent, depth + 1));
                break;
            default: throw new ArgumentException($"Cannot write a {value.GetType().Name} as JSON.", nameof(value));
        }
    }

    private static void WriteDouble(StringBuilder sb, double d) =>
        sb.Append(double.IsFinite(d) ? Float(d) : "null");

    private static void WriteContainer(StringBuilder sb, char open, char close, int count, int? indent, int depth, Action<int> item)
    {
        sb.Append(open);
        if (count == 0) { sb.Append(close); return; }
        for (int i = 0; i < count; i++)
        {
            if (i > 0) sb.Append(indent is null ? ", " : ",");
            if (indent is { } n) sb.Append('\n').Append(' ', n * (depth + 1));
            item(i);
        }
        if (indent is { } m) sb.Append('\n').Append(' ', m * depth);
        sb.Append(close);
    }
}
