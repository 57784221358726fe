using Pipeline.Stages.Monitoring;

namespace Pipeline.Stages.Tests.Monitoring;

public sealed class PredictionLogReaderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"prediction-log-{Guid.NewGuid():N}");

    public PredictionLogReaderTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ReadFolder_MixedLines_KeepsAnsweredRowsOfTheModelAndCountsTheRest()
    {
        await File.WriteAllLinesAsync(Path.Combine(_folder, "predictions-1.jsonl"),
        [
            Line("10:00", "\"model\":\"m\",\"model_version\":\"3\",\"inputs\":{\"a\":1.5,\"b\":null},\"prediction\":1"),
            Line("10:01", "\"model\":\"m\",\"model_version\":\"2\",\"inputs\":{\"a\":2.5,\"b\":4},\"prediction\":0"),
            Line("10:02", "\"model\":\"m\",\"model_version\":\"3\",\"inputs\":{\"a\":3.5,\"b\":5},\"probabilities\":[0.2,0.8]"),
            Line("10:03", "\"model\":\"m\",\"model_version\":\"4\",\"role\":\"shadow\",\"inputs\":{\"a\":3.5,\"b\":5},\"prediction\":1"),
            Line("10:04", "\"model\":\"other\",\"model_version\":\"1\",\"inputs\":{\"a\":9,\"b\":9},\"prediction\":1"),
            Line("10:05", "\"model\":\"m\",\"model_version\":\"3\",\"inputs_sha256\":\"ab\",\"prediction\":1"),
            "{\"request_id\":\"x\",\"time\":\"2026-12-01T10:06:00.000Z\",\"model_version\":\"3\",\"latency_ms\":1,\"status\":400,\"error_code\":\"BAD_REQUEST\"}",
            Line("11:00", "\"model\":\"m\",\"model_version\":\"3\",\"inputs\":{\"a\":100,\"b\":100},\"prediction\":1"),
            "{\"request_id\":\"half-writ",
        ]);
        var window = new LogWindow(null, DateTimeOffset.Parse("2026-12-01T10:30:00Z"));

        var rows = await PredictionLogReader.ReadFolderAsync(_folder, ["a", "b"], new LogSelection(window, "m", "3", [0, 1]));

        Assert.Equal(3, rows.Sample.Rows);
        Assert.Equal([1.5, 2.5, 3.5], rows.Sample.Features["a"]);
        Assert.True(double.IsNaN(rows.Sample.Features["b"][0]));
        // Version 2's prediction is not version 3's; the probability row predicts its most probable class.
        Assert.Equal(1, rows.Sample.Predictions[0]);
        Assert.True(double.IsNaN(rows.Sample.Predictions[1]));
        Assert.Equal(1, rows.Sample.Predictions[2]);
        Assert.Equal((1, 1, 1, 1, 1), (rows.Shadow, rows.OtherModels, rows.HashedOnly, rows.Refused, rows.Malformed));
        Assert.Equal(7, rows.Lines);
        Assert.Equal(DateTimeOffset.Parse("2026-12-01T10:02:00Z"), rows.Last);
    }

    [Fact]
    public async Task ReadFolder_LineLongerThanTheReadBufferAndNoFinalNewline_IsRead()
    {
        var longId = new string('x', 3 << 20);
        await File.WriteAllTextAsync(Path.Combine(_folder, "a.jsonl"),
            Line("10:00", "\"inputs\":{\"a\":1}").Replace("\"request_id\":\"r\"", $"\"request_id\":\"{longId}\"") + "\n" + Line("10:01", "\"inputs\":{\"a\":2}"));

        var rows = await PredictionLogReader.ReadFolderAsync(_folder, ["a"], new LogSelection(LogWindow.All));

        Assert.Equal([1.0, 2.0], rows.Sample.Features["a"]);
        Assert.Equal(0, rows.Malformed);
    }

    [Fact]
    public async Task ReadFolder_NoSuchFolder_ThrowsNamingIt()
    {
        var e = await Assert.ThrowsAsync<DirectoryNotFoundException>(() =>
            PredictionLogReader.ReadFolderAsync(Path.Combine(_folder, "missing"), ["a"], new LogSelection(LogWindow.All)));

        Assert.Contains("missing", e.Message);
    }

    [Theory]
    [InlineData("24h", "2026-12-01T12:00:00Z")]
    [InlineData("7d", "2026-11-25T12:00:00Z")]
    [InlineData("2026-11-30", "2026-11-30T00:00:00Z")]
    [InlineData("2026-11-30T08:00:00+02:00", "2026-11-30T06:00:00Z")]
    public void TryParseTime_AgesAndIsoTimes_AreUtcInstants(string text, string expected)
    {
        var now = DateTimeOffset.Parse("2026-12-02T12:00:00Z");

        Assert.True(LogWindow.TryParseTime(text, now, "--since", out var time, out _));
        Assert.Equal(DateTimeOffset.Parse(expected), time);
    }

    private static string Line(string time, string rest) =>
        $"{{\"request_id\":\"r\",\"row\":0,\"time\":\"2026-12-01T{time}:00.000Z\",{rest},\"latency_ms\":1,\"status\":200}}";
}
