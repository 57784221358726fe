using System.Globalization;
using System.Text.Json;
using Pipeline.Ml.Drift;

namespace Pipeline.Stages.Monitoring;

/// <summary>Reads prediction-log lines (the scoring server's JSON Lines) into columns of the profile's features.</summary>
internal sealed class LoggedRowCollector(IReadOnlyList<string> features, LogSelection selection)
{
    private readonly Dictionary<string, int> _index = features.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i, StringComparer.Ordinal);
    private readonly List<double>[] _columns = features.Select(_ => new List<double>()).ToArray();
    private readonly List<double> _predictions = [];
    private long _lines, _hashed, _refused, _shadow, _other, _malformed;
    private DateTimeOffset? _first, _last;

    public async Task AddAsync(Stream stream, CancellationToken ct)
    {
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.Length > 0)
                Add(line);
        }
    }

    public LoggedRows Build(int sources) => new(
        new LiveSample(_predictions.Count, features.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => _columns[p.i].ToArray(), StringComparer.Ordinal), _predictions.ToArray()),
        sources, _lines, _hashed, _refused, _shadow, _other, _malformed, _first, _last);

    private void Add(string line)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(line); }
        catch (JsonException)
        {
            _malformed++;
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !TryTime(root, out var time))
            {
                _malformed++;
                return;
            }

            if (!selection.Window.Contains(time)) return;
            _lines++;
            if (!root.TryGetProperty("row", out _))
                _refused++;
            else if (Text(root, "role") == "shadow")
                _shadow++;
            else if (selection.ModelName is { } name && Text(root, "model") is { } logged && logged != name)
                _other++;
            else if (!root.TryGetProperty("inputs", out var inputs) || inputs.ValueKind != JsonValueKind.Object)
                _hashed++;
            else
                AddRow(root, inputs, time);
        }
    }

    private void AddRow(JsonElement root, JsonElement inputs, DateTimeOffset time)
    {
        foreach (var column in _columns)
            column.Add(double.NaN);
        foreach (var cell in inputs.EnumerateObject())
        {
            if (_index.TryGetValue(cell.Name, out var i))
                _columns[i][^1] = Number(cell.Value);
        }

        var sameVersion = selection.ModelVersion is not { } version || Text(root, "model_version") == version;
        _predictions.Add(sameVersion ? Prediction(root) : double.NaN);
        _first = _first is { } f && f <= time ? f : time;
        _last = _last is { } l && l >= time ? l : time;
    }

    private double Prediction(JsonElement root)
    {
        if (root.TryGetProperty("prediction", out var prediction))
            return Number(prediction);
        if (selection.ClassValues is not { } classes || !root.TryGetProperty("probabilities", out var probabilities)
            || probabilities.ValueKind != JsonValueKind.Array || probabilities.GetArrayLength() != classes.Count)
            return double.NaN;
        var (best, index) = (double.NegativeInfinity, -1);
        var i = 0;
        foreach (var p in probabilities.EnumerateArray())
        {
            if (Number(p) is var value && value > best)
                (best, index) = (value, i);
            i++;
        }

        return index < 0 ? double.NaN : classes[index];
    }

    private static bool TryTime(JsonElement root, out DateTimeOffset time)
    {
        time = default;
        return root.TryGetProperty("time", out var value) && value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => double.NaN,
    };
}
