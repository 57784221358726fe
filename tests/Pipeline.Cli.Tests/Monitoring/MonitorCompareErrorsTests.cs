using Pipeline.Stages.Running;

namespace Pipeline.Cli.Tests.Monitoring;

/// <summary><c>pipeline monitor compare</c> on bad input: one line on stderr naming the file and line, the documented exit code, no stack trace.</summary>
public sealed class MonitorCompareErrorsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("monitor-compare-errors-").FullName;

    public MonitorCompareErrorsTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "log"));
        File.WriteAllText(Path.Combine(_root, "log", "predictions-1.jsonl"),
            """{"request_id":"a","row":0,"model_version":"1","role":"champion","prediction":1,"status":200}""" + "\n");
        File.WriteAllText(Path.Combine(_root, "labels.csv"), "request_id,target\na,1\n");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("log/predictions-2.jsonl", "{oops\n", "log/predictions-2.jsonl, line 1: not a prediction log line")]
    [InlineData("labels.csv", "order,target,extra\na,1,2\n", "labels.csv, line 1: no column 'request_id' (columns: order, target, extra); name another with --id-column")]
    [InlineData("labels.csv", "request_id,row,target\na,first,1\n", "labels.csv, line 2, column 'row': 'first' is not a row index")]
    public async Task Compare_UnreadableInput_OneLineNamingFileAndLine_Exit1(string file, string content, string expected)
    {
        await File.WriteAllTextAsync(Path.Combine(_root, file), content);

        var result = await CliProcess.RunAsync(_root, null, "monitor", "compare", "--log", "log", "--labels", "labels.csv");

        Assert.Equal(ExitCodes.Error, result.ExitCode);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Compare_OneVersionLogged_ReportsItAndSaysThereIsNothingToCompare()
    {
        var result = await CliProcess.RunAsync(_root, null, "monitor", "compare", "--log", "log", "--labels", "labels.csv");

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        Assert.Contains("Only 1 model version in the log: nothing to compare.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_ZeroResamples_IsAUsageError()
    {
        var result = await CliProcess.RunAsync(_root, null, "monitor", "compare", "--log", "log", "--labels", "labels.csv", "--resamples", "0");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--resamples must be at least 1", result.Error, StringComparison.Ordinal);
    }
}
