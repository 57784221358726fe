namespace Pipeline.Cli.Tests;

/// <summary><c>pipeline run</c> means what Cake's and MSBuild's targets mean: a stage after its predecessors, or alone with <c>--exclusive</c>.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pipeline-run-").FullName;

    private static string PipelineFile => Path.Combine(
        Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(CliProcess.DllPath))!)!, "..", "..", "..", "pipelines", "breast-cancer.yaml");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RunStage_OnAFreshFolder_RunsItsPredecessorsFirst_AndNothingAfterIt()
    {
        var result = await CliProcess.RunAsync(_folder, null, "run", "select", "--pipeline", Path.GetFullPath(PipelineFile));

        Assert.True(result.ExitCode == 0, result.ToString());
        var order = new[] { "InitStore:", "PrepareData:", "Sweep:", "Select:" }.Select(s => result.Output.IndexOf(s, StringComparison.Ordinal)).ToArray();
        Assert.All(order, i => Assert.True(i >= 0, result.Output));
        Assert.Equal(order.Order(), order);
        Assert.DoesNotContain("Evaluate:", result.Output);
    }

    [Fact]
    public async Task RunStageExclusive_OnAFreshFolder_FailsWithOneLine_AndLeavesNoEmptyStoreBehind()
    {
        var result = await CliProcess.RunAsync(_folder, null, "run", "package", "--exclusive", "--pipeline", Path.GetFullPath(PipelineFile));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("run the InitStore stage first", result.Error);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("InitStore:", result.Output);
        Assert.False(File.Exists(Path.Combine(_folder, "mlruns.db")), "an empty mlruns.db was left behind");
    }

    [Fact]
    public async Task RunUnknownStage_IsAUsageError_NamingTheStages()
    {
        var result = await CliProcess.RunAsync(_folder, null, "run", "train", "--pipeline", Path.GetFullPath(PipelineFile));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("init-store, prepare-data, sweep, select, evaluate, package, docker-serve, smoke-test", result.Error);
    }
}
