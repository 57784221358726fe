using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Pipeline.Serving.Batch;
using Pipeline.Serving.Protocol;

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
    private readonly ArrayBufferWriter<byte> _row = new(512);
    private readonly Utf8JsonWriter _writer = new(Stream.Null, LineOptions);
    private readonly Utf8JsonWriter _rowWriter = new(Stream.Null, LineOptions);
    private string? _lastVersion;
    private ServedModelIdentity _identity = new(null, "");
    private Schema.ScoringSchema? _lastSchema;
    private Dictionary<string, JsonEncodedText> _names = [];

    /// <summary>Appends the request's lines to <paramref name="destination"/>.</summary>
    public void Write(LoggedRequest request, IBufferWriter<byte> destination)
    {
        if (!string.Equals(_lastVersion, request.ModelVersion, StringComparison.Ordinal))
        {
            _identity = ServedModelIdentity.Parse(request.ModelVersion);
            _lastVersion = request.ModelVersion;
        }

        var identity = _identity;
        if (request.Batch is not { } batch || request.Predictions is not { } predictions)
        {
            WriteLine(destination, request, identity, row: -1, batch: null, prediction: null);
            return;
        }

        for (var row = 0; row < batch.RowCount; row++)
            WriteLine(destination, request, identity, row, batch, predictions[row]);
    }

    private void WriteLine(IBufferWriter<byte> destination, LoggedRequest request, ServedModelIdentity identity, int row, ScoringBatch? batch, object? prediction)
    {
        var writer = _writer;
        writer.Reset(destination);
        {
            writer.WriteStartObject();
            writer.WriteString("request_id", request.RequestId);
            if (row >= 0)
                writer.WriteNumber("row", row);
            writer.WriteString(TimeName, FormatTime(request.Time));
            if (identity.Name is { } name)
                writer.WriteString("model", name);
            writer.WriteString("model_version", identity.Version);
            if (request.Role is { } role)
                writer.WriteString("role", role);
            if (batch is not null)
            {
                if (hashInputs)
                    writer.WriteString("inputs_sha256", HashRow(batch, row));
                else
                {
                    writer.WritePropertyName("inputs");
                    WriteRow(writer, batch, row);
                }

                writer.WritePropertyName(request.Probabilities ? "probabilities" : "prediction");
                PredictionWriter.WriteValue(writer, prediction, 0);
            }

            writer.WriteNumber("latency_ms", Math.Round(request.LatencyMs, 3));
            writer.WriteNumber("status", request.Status);
            if (request.ErrorCode is { } code)
                writer.WriteString("error_code", code);
            writer.WriteEndObject();
            writer.Flush();
        }

        destination.Write("\n"u8);
    }

    private static readonly JsonEncodedText TimeName = JsonEncodedText.Encode("time");
    private DateTimeOffset _lastTime;
    private string _lastTimeText = "";

    /// <summary>One request's rows share a time: format it once.</summary>
    private string FormatTime(DateTimeOffset time)
    {
        if (time != _lastTime || _lastTimeText.Length == 0)
        {
            _lastTime = time;
            _lastTimeText = time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        }

        return _lastTimeText;
    }

    private string HashRow(ScoringBatch batch, int row)
    {
        _row.ResetWrittenCount();
        _rowWriter.Reset(_row);
        WriteRow(_rowWriter, batch, row);
        _rowWriter.Flush();
        return Convert.ToHexStringLower(SHA256.HashData(_row.WrittenSpan));
    }

    /// <summary>The row as <c>{"column": value, ...}</c> in schema order: the canonical form the hash is taken over.</summary>
    private void WriteRow(Utf8JsonWriter writer, ScoringBatch batch, int row)
    {
        if (!ReferenceEquals(_lastSchema, batch.Schema))
        {
            // Column names are encoded once per schema, not once per cell.
            _names = batch.Schema.Columns.ToDictionary(c => c.Name, c => JsonEncodedText.Encode(c.Name, JsonOptions.Writer.Encoder), StringComparer.Ordinal);
            _lastSchema = batch.Schema;
        }

        writer.WriteStartObject();
        foreach (var column in batch.Columns)
        {
            writer.WritePropertyName(_names[column.Name]);
            if (column.IsNull(row))
            {
                writer.WriteNullValue();
                continue;
            }

            // Typed reads: Array.GetValue boxes every cell.
            switch (column.Type)
            {
                case Schema.ScoringType.Double:
                    WriteReal(writer, column.Doubles[row]);
                    break;
                case Schema.ScoringType.Float:
                    WriteReal(writer, column.Floats[row]);
                    break;
                case Schema.ScoringType.Long:
                    writer.WriteNumberValue(column.Longs[row]);
                    break;
                case Schema.ScoringType.Integer:
                    writer.WriteNumberValue(column.Integers[row]);
                    break;
                case Schema.ScoringType.Boolean:
                    writer.WriteBooleanValue(column.Booleans[row]);
                    break;
                default:
                    PredictionWriter.WriteValue(writer, column.GetValue(row), 0);
                    break;
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteReal(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
            writer.WriteNumberValue(value);
        else
            writer.WriteNullValue();
    }
}
