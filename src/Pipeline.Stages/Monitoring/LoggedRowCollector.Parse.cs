using System.Globalization;
using System.Text.Json;

namespace Pipeline.Stages.Monitoring;

internal sealed partial class LoggedRowCollector
{
    /// <summary>Reads one line's fields; the inputs go to <see cref="_row"/> (NaN for a feature the row lacks).</summary>
    private LogLine Parse(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("not an object");
        var result = new LogLine(null, false, false, null, null, false, double.NaN);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("time"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var time))
                    result.Time = time;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("row"u8))
            {
                result.HasRow = true;
                reader.Read();
                reader.Skip();
            }
            else if (reader.ValueTextEquals("role"u8))
            {
                reader.Read();
                result.Shadow = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("shadow"u8);
                reader.Skip();
            }
            else if (reader.ValueTextEquals("model"u8))
                result.Model = ReadString(ref reader);
            else if (reader.ValueTextEquals("model_version"u8))
                result.ModelVersion = ReadString(ref reader);
            else if (reader.ValueTextEquals("inputs"u8))
                result.HasInputs = ReadInputs(ref reader);
            else if (reader.ValueTextEquals("prediction"u8))
            {
                reader.Read();
                result.Prediction = Number(ref reader);
                reader.Skip();
            }
            else if (reader.ValueTextEquals("probabilities"u8))
                result.Prediction = ReadProbabilities(ref reader);
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return result;
    }

    private bool ReadInputs(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return false;
        }

        Array.Fill(_row, double.NaN);
        var expected = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // The server writes the columns in schema order, so the next feature is tried before a lookup by name.
            int index;
            if (expected < _names.Length && reader.ValueTextEquals(_names[expected]))
                index = expected;
            else if (!_index.TryGetValue(reader.GetString()!, out index))
                index = -1;
            reader.Read();
            if (index >= 0)
            {
                _row[index] = Number(ref reader);
                expected = index + 1;
            }

            reader.Skip();
        }

        return true;
    }

    private double ReadProbabilities(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray || _selection.ClassValues is not { } classes)
        {
            reader.Skip();
            return double.NaN;
        }

        var (best, index, count) = (double.NegativeInfinity, -1, 0);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var value = Number(ref reader);
            reader.Skip();
            if (value > best)
                (best, index) = (value, count);
            count++;
        }

        // A vector that does not match the classes (another model's) predicts nothing we can place.
        return index < 0 || count != classes.Count ? double.NaN : classes[index];
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
            return reader.GetString();
        reader.Skip();
        return null;
    }

    private static double Number(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number => reader.TryGetDouble(out var value) ? value : double.NaN,
        JsonTokenType.True => 1,
        JsonTokenType.False => 0,
        JsonTokenType.String when double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => double.NaN,
    };
}
