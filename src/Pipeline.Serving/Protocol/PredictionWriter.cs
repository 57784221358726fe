using System.Buffers;
using System.Collections;
using System.Text.Json;

namespace Pipeline.Serving.Protocol;

/// <summary>
/// Writes <c>{"predictions": [...]}</c> with <see cref="Utf8JsonWriter"/> and no reflection: values are null,
/// bool, string, numbers (non-finite ones as null, since JSON has no NaN), dictionaries with string keys and
/// lists. Anything else is a model bug and throws <see cref="InvalidOperationException"/>.
/// </summary>
internal static class PredictionWriter
{
    private const int MaxDepth = 32;

    public static void Write(IBufferWriter<byte> destination, IReadOnlyList<object?> predictions)
    {
        using var writer = new Utf8JsonWriter(destination, JsonOptions.Writer);
        writer.WriteStartObject();
        writer.WritePropertyName("predictions");
        writer.WriteStartArray();
        foreach (var prediction in predictions)
        {
            WriteValue(writer, prediction, 0);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WriteValue(Utf8JsonWriter writer, object? value, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"A prediction is nested deeper than {MaxDepth} levels.");
        }

        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case double d:
                WriteReal(writer, d);
                break;
            case float f:
                WriteReal(writer, f);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case uint u:
                writer.WriteNumberValue(u);
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            case IReadOnlyDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case IDictionary map:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in map)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture)!);
                    WriteValue(writer, entry.Value, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"A prediction of type {value.GetType()} cannot be written as JSON.");
        }
    }

    private static void WriteReal(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
