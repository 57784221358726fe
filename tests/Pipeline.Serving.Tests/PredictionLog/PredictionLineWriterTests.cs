using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Pipeline.Serving.Batch;
using Pipeline.Serving.PredictionLog;
using Pipeline.Serving.Schema;
using Pipeline.Serving.Tests.TestModels;

namespace Pipeline.Serving.Tests.PredictionLog;

/// <summary>
/// The log line byte for byte, from rows copied into pooled slots and from rows kept as the batch (strings, nulls in a
/// column that is not real-valued): the drift and compare readers depend on this format.
/// </summary>
public sealed class PredictionLineWriterTests
{
    private static readonly ScoringSchema Schema = SumThresholdTestModel.DefaultSchema;
    private static readonly DateTimeOffset Time = new(2026, 12, 3, 1, 2, 3, 456, TimeSpan.Zero);
    private readonly ArrayPool<long> _pool = ArrayPool<long>.Create(LoggedRows.PooledCells, 16);

    private static ScoringColumn Column(string name, Array values, bool[]? nulls = null) =>
        new(Schema.Columns[Schema.IndexOf(name)], values, nulls);

    private static ScoringBatch Numeric(bool[]? longNulls = null) => new(Schema, 2,
    [
        Column("x", new[] { 0.1, double.NaN }),
        Column("n", new[] { 1L << 60, -7L }, longNulls),
        Column("f", new[] { 1.5f, 0f }, [false, true]),
        Column("i", new[] { -3, 0 }),
        Column("flag", new[] { true, false }),
    ]);

    private string Write(ScoringBatch? batch, object?[]? predictions, bool hash = false, int status = 200, string? error = null)
    {
        var rows = batch is null ? default : LoggedRows.Capture(batch, _pool);
        var request = new LoggedRequest("r-1", Time, "bc/3", null, rows, predictions, false, 1.23456, status, error);
        var buffer = new ArrayBufferWriter<byte>();
        new PredictionLineWriter(hash).Write(request, buffer);
        rows.Return(_pool);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void Write_NumericRows_CopiedToSlots_OneLinePerRowInTheLogFormat()
    {
        // Given rows of every numeric type, a NaN and a null float; When written; Then each row is one line, nulls for both.
        var lines = Write(Numeric(), [true, false]);

        Assert.Equal(
            """{"request_id":"r-1","row":0,"time":"2026-12-03T01:02:03.456Z","model":"bc","model_version":"3","inputs":{"x":0.1,"n":1152921504606846976,"f":1.5,"i":-3,"flag":true},"prediction":true,"latency_ms":1.235,"status":200}""" + "\n" +
            """{"request_id":"r-1","row":1,"time":"2026-12-03T01:02:03.456Z","model":"bc","model_version":"3","inputs":{"x":null,"n":-7,"f":null,"i":0,"flag":false},"prediction":false,"latency_ms":1.235,"status":200}""" + "\n",
            lines);
    }

    [Fact]
    public void Write_NullInALongColumnAndAString_KeptAsTheBatch_SameFormat()
    {
        // Given a null in a long column (slots cannot hold it) and a string column; When written; Then the same format.
        var batch = new ScoringBatch(Schema, 1, [Column("x", new[] { 2.5 }), Column("n", new[] { 0L }, [true]), Column("tag", new[] { "red" })]);
        Assert.NotNull(LoggedRows.Capture(batch, _pool).Batch);

        var line = Write(batch, ["yes"]);

        Assert.Equal(
            """{"request_id":"r-1","row":0,"time":"2026-12-03T01:02:03.456Z","model":"bc","model_version":"3","inputs":{"x":2.5,"n":null,"tag":"red"},"prediction":"yes","latency_ms":1.235,"status":200}""" + "\n",
            line);
    }

    [Fact]
    public void Write_Refused_OneLineWithStatusAndErrorCodeAndNoRow()
    {
        var line = Write(null, null, status: 400, error: "BAD_REQUEST");

        Assert.Equal(
            """{"request_id":"r-1","time":"2026-12-03T01:02:03.456Z","model":"bc","model_version":"3","latency_ms":1.235,"status":400,"error_code":"BAD_REQUEST"}""" + "\n",
            line);
    }

    [Fact]
    public void Write_HashInputs_Sha256OfTheInputsObjectAsTheFullLineWritesIt()
    {
        var full = Write(Numeric(), [true, false]).Split('\n')[0];
        var inputs = full[(full.IndexOf("\"inputs\":", StringComparison.Ordinal) + 9)..full.IndexOf(",\"prediction\"", StringComparison.Ordinal)];

        var hashed = Write(Numeric(), [true, false], hash: true).Split('\n')[0];

        Assert.Contains($"\"inputs_sha256\":\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(inputs)))}\"", hashed, StringComparison.Ordinal);
        Assert.DoesNotContain("\"inputs\":", hashed, StringComparison.Ordinal);
    }

    [Fact]
    public void Capture_OneRow_SlotsComeFromThePoolAndGoBack()
    {
        var batch = new ScoringBatch(Schema, 1, [Column("x", new[] { 1.0 }), Column("n", new[] { 2L })]);
        var first = LoggedRows.Capture(batch, _pool);
        first.Return(_pool);

        var second = LoggedRows.Capture(batch, _pool);

        Assert.Same(first.Cells, second.Cells);
        Assert.Null(second.Batch);
        Assert.Equal([0, 1], second.Present!);
    }
}
