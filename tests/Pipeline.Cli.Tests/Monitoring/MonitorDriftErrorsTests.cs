using Pipeline.Ml.Data;
using Pipeline.Ml.Profiling;

namespace Pipeline.Cli.Tests.Monitoring;

/// <summary>Bad input to <c>pipeline monitor drift</c>: one line on stderr, exit 1 (nothing to read) or 2 (the command line), never a stack trace.</summary>
public sealed class MonitorDriftErrorsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"pipeline-drift-errors-{Guid.NewGuid():N}");

    public MonitorDriftErrorsTests()
    {
        // A model directory holding just a profile of two features: enough for the command, no training needed.
        Directory.CreateDirectory(Model);
        var schema = new DataSchema([new DataColumn("a", DataColumn.DoubleType), new DataColumn("b", DataColumn.DoubleType), new DataColumn("y", DataColumn.LongType)], "y");
        var rows = Enumerable.Range(0, 100).Select(i => new double[] { i, i % 7 }).ToArray();
        var table = new DataTable(schema, TaskKind.Binary, rows, rows.Select(r => r[0] % 2).ToArray());
        File.WriteAllText(Path.Combine(Model, TrainingProfile.FileName), TrainingProfiler.Compute(table).ToJson());
        Directory.CreateDirectory(Log);
    }

    private string Model => Path.Combine(_root, "model");

    private string Log => Path.Combine(_root, "log");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Drift_NoSuchLogFolder_ExitsOneNamingTheFolder()
    {
        var result = await DriftAsync("--model", Model, "--log", Path.Combine(_root, "missing"));

        AssertOneLine(result, 1, "There is no prediction log folder at");
    }

    [Fact]
    public async Task Drift_UnknownRegisteredModel_ExitsOneNamingTheUri()
    {
        await using var store = new CliStore();
        await store.Store.CreateExperimentAsync("any");

        var result = await DriftAsync("--model", "models:/no-such-model@champion", "--log", Log, "--tracking-uri", store.Uri);

        AssertOneLine(result, 1, "models:/no-such-model@champion");
    }

    [Fact]
    public async Task Drift_ModelWithoutProfile_ExitsOneSayingHowToWriteOne()
    {
        var old = Path.Combine(_root, "old-model");
        Directory.CreateDirectory(old);

        var result = await DriftAsync("--model", old, "--log", Log);

        AssertOneLine(result, 1, "has no training_profile.json: it was packaged before training profiles were recorded");
    }

    [Theory]
    [InlineData("psi >> 0.2", "cannot parse gate")]
    [InlineData("entropy > 0.2", "unknown metric 'entropy'")]
    [InlineData("psi > champion.psi", "must be a number")]
    [InlineData("psi.no_such_feature > 0.2", "no feature 'no_such_feature'")]
    public async Task Drift_MalformedFailOn_ExitsTwo(string expression, string message)
    {
        await File.WriteAllTextAsync(Path.Combine(Log, "p.jsonl"), Line("\"inputs\":{\"a\":1,\"b\":2}"));

        var result = await DriftAsync("--model", Model, "--log", Log, "--fail-on", expression);

        AssertOneLine(result, 2, message);
    }

    [Fact]
    public async Task Drift_LogWithOnlyInputHashes_ExitsOneSayingSo()
    {
        await File.WriteAllTextAsync(Path.Combine(Log, "p.jsonl"), Line("\"inputs_sha256\":\"00ff\"") + Line("\"inputs_sha256\":\"00fe\""));

        var result = await DriftAsync("--model", Model, "--log", Log);

        AssertOneLine(result, 1, "holds only input hashes (2 rows logged with --log-inputs hash)");
    }

    [Fact]
    public async Task Drift_UntilBeforeSince_ExitsTwo()
    {
        var result = await DriftAsync("--model", Model, "--log", Log, "--since", "2026-12-02", "--until", "2026-12-01");

        AssertOneLine(result, 2, "--until (2026-12-01 00:00:00 UTC) must come after --since");
    }

    private static string Line(string inputs) =>
        $"{{\"request_id\":\"r\",\"row\":0,\"time\":\"2026-12-01T10:00:00.000Z\",\"model_version\":\"x\",{inputs},\"prediction\":1,\"latency_ms\":1,\"status\":200}}\n";

    private Task<CliProcess.Result> DriftAsync(params string[] arguments) =>
        CliProcess.RunAsync(_root, null, ["monitor", "drift", "--report", Path.Combine(_root, "report"), .. arguments]);

    private static void AssertOneLine(CliProcess.Result result, int exitCode, string message)
    {
        Assert.True(result.ExitCode == exitCode, $"exit {result.ExitCode}: {result.Error}");
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("note:", StringComparison.Ordinal)).ToArray();
        var line = Assert.Single(lines);
        Assert.StartsWith("error: ", line);
        Assert.Contains(message, line);
        Assert.DoesNotContain("   at ", result.Error);
    }
}
