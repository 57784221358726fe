using System.Globalization;
using System.Text.Json;
using Pipeline.Ml.Data;

namespace Pipeline.Stages.Monitoring;

/// <summary>Reads one line of the prediction log's JSON Lines.</summary>
public static class PredictionLogLine
{
    /// <summary>
    /// The answered row a line records, or null for a line without one (a refused request, which has no <c>row</c>, or a
    /// status other than 200).
    /// </summary>
    /// <exception cref="DataFormatException">Not a JSON object, or a row without <c>request_id</c>, <c>model_version</c> or a prediction.</exception>
    public static LoggedPrediction? Parse(string line, string source, int lineNumber)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new DataFormatException($"not a prediction log line: {e.Message}", source, lineNumber);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new DataFormatException("not a prediction log line: expected a JSON object", source, lineNumber);
            if (!root.TryGetProperty("row", out var row) || row.ValueKind != JsonValueKind.Number)
                return null;
            if (root.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Number && status.GetInt32() != 200)
                return null;
            var requestId = Text(root, "request_id") ?? throw new DataFormatException("a logged row without request_id", source, lineNumber);
            var version = Text(root, "model_version") ?? throw new DataFormatException("a logged row without model_version", source, lineNumber);
            var role = Text(root, "role");
            if (root.TryGetProperty("probabilities", out var probabilities) && probabilities.ValueKind == JsonValueKind.Array)
            {
                var values = probabilities.EnumerateArray()
                    .Select(p => p.ValueKind == JsonValueKind.Number ? p.GetDouble() : double.NaN).ToArray();
                return new LoggedPrediction(requestId, row.GetInt32(), version, role, null, values);
            }

            if (!root.TryGetProperty("prediction", out var prediction))
                throw new DataFormatException("a logged row without prediction or probabilities", source, lineNumber);
            return new LoggedPrediction(requestId, row.GetInt32(), version, role, Value(prediction), null);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The prediction in the form label text is compared with: numbers in invariant round-trip form, booleans as 0/1.</summary>
    private static string? Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => LabelValue.Canonical(value.GetDouble().ToString("R", CultureInfo.InvariantCulture)),
        JsonValueKind.String => LabelValue.Canonical(value.GetString()!),
        JsonValueKind.True => "1",
        JsonValueKind.False => "0",
        _ => null,
    };
}
