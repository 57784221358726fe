using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Pipeline.Serving.Batch;
using Pipeline.Serving.Protocol;
using Pipeline.Serving.Schema;

namespace Pipeline.Serving.PredictionLog;

/// <summary>
/// Writes a <see cref="LoggedRequest"/> as JSON Lines, one object per row:
/// <c>{"request_id", "row", "time", "model", "model_version", "role", "inputs" | "inputs_sha256", "prediction" | "probabilities",
/// "latency_ms", "status"}</c>; a refused request is one line with <c>status</c> and <c>error_code</c> and no row.
/// Runs on the background writer, never on the request path.
/// </summary>
internal sealed class PredictionLineWriter(bool hashInputs)
{
    private static readonly JsonWriterOptions LineOptions = new() { Encoder = JsonOptions.Writer.Encoder, SkipValidation = true };
    private static readonly JsonEncodedText RequestIdName = JsonEncodedText.Encode("request_id");
    private static readonly JsonEncodedText RowName = JsonEncodedText.Encode("row");
    private static readonly JsonEncodedText TimeName = JsonEncodedText.Encode("time");
    private static readonly JsonEncodedText ModelName = JsonEncodedText.Encode("model");
    private static readonly JsonEncodedText ModelVersionName = JsonEncodedText.Encode("model_version");
    private static readonly JsonEncodedText RoleName = JsonEncodedText.Encode("role");
    private static readonly JsonEncodedText InputsName = JsonEncodedText.Encode("inputs");
    private static readonly JsonEncodedText InputsHashName = JsonEncodedText.Encode("inputs_sha256");
    private static readonly JsonEncodedText PredictionName = JsonEncodedText.Encode("prediction");
    private static readonly JsonEncodedText ProbabilitiesName = JsonEncodedText.Encode("probabilities");
    private static readonly JsonEncodedText LatencyName = JsonEncodedText.Encode("latency_ms");
    private static readonly JsonEncodedText StatusName = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText ErrorCodeName = JsonEncodedText.Encode("error_code");
    private readonly ArrayBufferWriter<byte> _row = new(512);
    private readonly Utf8JsonWriter _writer = new(Stream.Null, LineOptions);
    private readonly Utf8JsonWriter _rowWriter = new(Stream.Null, LineOptions);
    private readonly byte[] _time = new byte[32];
    private int _timeLength;
    private DateTimeOffset _lastTime;
    private string? _lastVersion;
    private ServedModelIdentity _identity = new(null, "");
    private ScoringSchema? _lastSchema;
    private JsonEncodedText[] _names = [];
    private byte[][] _prefixes = [];
    private int _prefixBytes;

    /// <summary>Appends the request's lines to <paramref name="destination"/>.</summary>
    public void Write(in LoggedRequest request, IBufferWriter<byte> destination)
    {
        if (!string.Equals(_lastVersion, request.ModelVersion, StringComparison.Ordinal))
        {
            _identity = ServedModelIdentity.Parse(request.ModelVersion);
            _lastVersion = request.ModelVersion;
        }

        // One request's rows share a time: format it once.
        if (request.Time != _lastTime || _timeLength == 0)
        {
            _lastTime = request.Time;
            request.Time.UtcDateTime.TryFormat(_time, out _timeLength, "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        }

        if (request.Inputs.Schema is not { } schema || request.Predictions is not { } predictions)
        {
            WriteLine(destination, request, row: -1, prediction: null);
            return;
        }

        if (!ReferenceEquals(_lastSchema, schema))
        {
            // Column names are encoded once per schema, not once per cell.
            _names = [.. schema.Columns.Select(c => JsonEncodedText.Encode(c.Name, JsonOptions.Writer.Encoder))];
            _prefixes = [.. _names.Select(n => (byte[])[(byte)'"', .. n.EncodedUtf8Bytes, (byte)'"', (byte)':'])];
            _prefixBytes = _prefixes.Sum(p => p.Length);
            _lastSchema = schema;
        }

        for (var row = 0; row < request.Inputs.RowCount; row++)
            WriteLine(destination, request, row, predictions[row]);
    }

    private void WriteLine(IBufferWriter<byte> destination, in LoggedRequest request, int row, object? prediction)
    {
        var writer = _writer;
        writer.Reset(destination);
        writer.WriteStartObject();
        writer.WriteString(RequestIdName, request.RequestId);
        if (row >= 0)
            writer.WriteNumber(RowName, row);
        writer.WriteString(TimeName, _time.AsSpan(0, _timeLength));
        if (_identity.Name is { } name)
            writer.WriteString(ModelName, name);
        writer.WriteString(ModelVersionName, _identity.Version);
        if (request.Role is { } role)
            writer.WriteString(RoleName, role);
        if (row >= 0)
        {
            var inputs = FormatRow(request.Inputs, row);
            if (hashInputs)
            {
                Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
                Span<char> hex = stackalloc char[SHA256.HashSizeInBytes * 2];
                SHA256.HashData(inputs, hash);
                Convert.TryToHexStringLower(hash, hex, out _);
                writer.WriteString(InputsHashName, hex);
            }
            else
            {
                writer.WritePropertyName(InputsName);
                writer.WriteRawValue(inputs, skipInputValidation: true);
            }

            writer.WritePropertyName(request.Probabilities ? ProbabilitiesName : PredictionName);
            PredictionWriter.WriteValue(writer, prediction, 0);
        }

        writer.WriteNumber(LatencyName, Math.Round(request.LatencyMs, 3));
        writer.WriteNumber(StatusName, request.Status);
        if (request.ErrorCode is { } code)
            writer.WriteString(ErrorCodeName, code);
        writer.WriteEndObject();
        writer.Flush();
        destination.Write("\n"u8);
    }

    /// <summary>The row as <c>{"column": value, ...}</c> in schema order, as Utf8JsonWriter writes it: the canonical form the hash is taken over.</summary>
    private ReadOnlySpan<byte> FormatRow(in LoggedRows rows, int row)
    {
        _row.ResetWrittenCount();
        if (rows.Cells is { } slots)
        {
            WriteSlots(rows, slots.AsSpan(row * rows.ColumnCount, rows.ColumnCount));
        }
        else
        {
            _rowWriter.Reset(_row);
            _rowWriter.WriteStartObject();
            WriteCells(_rowWriter, rows.Batch!, row);
            _rowWriter.WriteEndObject();
            _rowWriter.Flush();
        }

        return _row.WrittenSpan;
    }

    /// <summary>The slots of one row, written byte by byte: names encoded once per schema, numbers as Utf8JsonWriter writes them.</summary>
    private void WriteSlots(in LoggedRows rows, ReadOnlySpan<long> cells)
    {
        var columns = rows.Schema!.Columns;
        var span = _row.GetSpan(_prefixBytes + (cells.Length * (RealFormatter.MaxLength + 1)) + 2);
        var n = 0;
        span[n++] = (byte)'{';
        for (var c = 0; c < cells.Length; c++)
        {
            if (c > 0)
                span[n++] = (byte)',';
            var index = rows.Present is { } present ? present[c] : c;
            _prefixes[index].CopyTo(span[n..]);
            n += _prefixes[index].Length;
            int written;
            switch (columns[index].Type)
            {
                case ScoringType.Double or ScoringType.Float:
                    var value = BitConverter.Int64BitsToDouble(cells[c]);
                    written = double.IsFinite(value) ? RealFormatter.Format(value, span[n..]) : Copy("null"u8, span[n..]);
                    break;
                case ScoringType.Boolean:
                    written = Copy(cells[c] != 0 ? "true"u8 : "false"u8, span[n..]);
                    break;
                default:
                    Utf8Formatter.TryFormat(cells[c], span[n..], out written);
                    break;
            }

            n += written;
        }

        span[n++] = (byte)'}';
        _row.Advance(n);
    }

    private static int Copy(ReadOnlySpan<byte> text, Span<byte> destination)
    {
        text.CopyTo(destination);
        return text.Length;
    }

    /// <summary>A row <see cref="LoggedRows"/> kept as the batch (it has strings, or nulls in a non-real column).</summary>
    private void WriteCells(Utf8JsonWriter writer, ScoringBatch batch, int row)
    {
        foreach (var column in batch.Columns)
        {
            writer.WritePropertyName(_names[batch.Schema.IndexOf(column.Name)]);
            if (column.IsNull(row))
            {
                writer.WriteNullValue();
                continue;
            }

            // Typed reads: Array.GetValue boxes every cell.
            switch (column.Type)
            {
                case ScoringType.Double:
                    WriteReal(writer, column.Doubles[row]);
                    break;
                case ScoringType.Float:
                    WriteReal(writer, column.Floats[row]);
                    break;
                case ScoringType.Long:
                    writer.WriteNumberValue(column.Longs[row]);
                    break;
                case ScoringType.Integer:
                    writer.WriteNumberValue(column.Integers[row]);
                    break;
                case ScoringType.Boolean:
                    writer.WriteBooleanValue(column.Booleans[row]);
                    break;
                default:
                    PredictionWriter.WriteValue(writer, column.GetValue(row), 0);
                    break;
            }
        }
    }

    private static void WriteReal(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
            writer.WriteNumberValue(value);
        else
            writer.WriteNullValue();
    }
}
