using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Pipeline.Ml.Drift;

namespace Pipeline.Stages.Monitoring;

/// <summary>
/// Reads prediction-log lines (the scoring server's JSON Lines) into columns of the profile's features. Each line is read
/// with a <see cref="Utf8JsonReader"/> straight from the file's bytes: a log holds a line per answered row, so a day of
/// traffic is easily millions of lines.
/// </summary>
internal sealed partial class LoggedRowCollector
{
    private readonly IReadOnlyList<string> _features;
    private readonly LogSelection _selection;
    private readonly Dictionary<string, int> _index;
    private readonly byte[][] _names;
    private readonly List<double>[] _columns;
    private readonly List<double> _predictions = [];
    private readonly double[] _row;
    private long _lines, _hashed, _refused, _shadow, _other, _malformed;
    private DateTimeOffset? _first, _last;

    public LoggedRowCollector(IReadOnlyList<string> features, LogSelection selection)
    {
        _features = features;
        _selection = selection;
        _index = features.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i, StringComparer.Ordinal);
        _names = features.Select(Encoding.UTF8.GetBytes).ToArray();
        _columns = features.Select(_ => new List<double>()).ToArray();
        _row = new double[features.Count];
    }

    public async Task AddAsync(Stream stream, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            var filled = 0;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    // A line longer than the buffer (a request of many wide rows is still one line per row): grow.
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(filled), ct);
                filled += read;
                var consumed = AddLines(buffer.AsSpan(0, filled), final: read == 0);
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
                if (read == 0) return;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public LoggedRows Build(int sources) => new(
        new LiveSample(_predictions.Count, _features.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => _columns[p.i].ToArray(), StringComparer.Ordinal), _predictions.ToArray()),
        sources, _lines, _hashed, _refused, _shadow, _other, _malformed, _first, _last);

    /// <summary>Adds every complete line; the rest too when <paramref name="final"/>. Returns the bytes consumed.</summary>
    private int AddLines(ReadOnlySpan<byte> data, bool final)
    {
        var start = 0;
        while (start < data.Length)
        {
            var end = data[start..].IndexOf((byte)'\n');
            if (end < 0 && !final) break;
            var line = end < 0 ? data[start..] : data.Slice(start, end);
            start = end < 0 ? data.Length : start + end + 1;
            if (!line.Trim(" \r\t"u8).IsEmpty)
                Add(line);
        }

        return start;
    }

    private void Add(ReadOnlySpan<byte> line)
    {
        LogLine parsed;
        try
        {
            parsed = Parse(line);
        }
        catch (JsonException)
        {
            _malformed++;
            return;
        }

        if (parsed.Time is not { } time)
        {
            _malformed++;
            return;
        }

        if (!_selection.Window.Contains(time)) return;
        _lines++;
        if (!parsed.HasRow)
            _refused++;
        else if (parsed.Shadow)
            _shadow++;
        else if (_selection.ModelName is { } name && parsed.Model is { } logged && logged != name)
            _other++;
        else if (!parsed.HasInputs)
            _hashed++;
        else
        {
            for (var i = 0; i < _row.Length; i++)
                _columns[i].Add(_row[i]);
            var sameVersion = _selection.ModelVersion is not { } version || parsed.ModelVersion == version;
            _predictions.Add(sameVersion ? parsed.Prediction : double.NaN);
            _first = _first is { } f && f <= time ? f : time;
            _last = _last is { } l && l >= time ? l : time;
        }
    }

    private record struct LogLine(DateTimeOffset? Time, bool HasRow, bool Shadow, string? Model, string? ModelVersion, bool HasInputs, double Prediction);
}
