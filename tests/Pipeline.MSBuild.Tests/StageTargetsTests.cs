using System.Text.RegularExpressions;
using Pipeline.MSBuild.Tests.Infrastructure;
using Pipeline.Stages.Running;

namespace Pipeline.MSBuild.Tests;

/// <summary>
/// The stage targets run through a real <c>dotnet msbuild</c> of a generated project in a temporary folder
/// (slow: each starts MSBuild and a task host per stage; filter them out with <c>Category!=Slow</c>).
/// </summary>
[Trait("Category", "Slow")]
public sealed class StageTargetsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task PipelineInitStore_CreatesStoreInProjectFolder_OutputsExperimentId_AndWritesReportsToTheOutputDirectory()
    {
        using var workspace = new TempWorkspace();
        var project = workspace.Write("init.proj", TestProjects.ImportingTargets());

        var result = await DotNetProcess.RunAsync(workspace.Root, Timeout,
            TestProjects.MSBuild(project, "PipelineInitStore;ShowOutputs", "-p:PipelineOutputDirectory=reports"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(workspace.PathOf("mlruns.db")), result.ToString());
        // PipelineOutputDirectory reaches the stage: its reports land there, relative to the project, not in out/.
        Assert.True(File.Exists(workspace.PathOf(Path.Combine("reports", "summary.md"))), result.ToString());
        Assert.False(Directory.Exists(workspace.PathOf("out")), result.ToString());
        Assert.Contains("InitStore: experiment 'breast-cancer' ready (id 1)", result.Output);
        Assert.Contains("ExperimentId=1", result.Output);
        Assert.Contains("Output InitStore.experiment_id=1", result.Output);
    }

    [Fact]
    public async Task PipelineSelect_RunsEarlierStagesInWorkflowOrder_AndOutputsBestRun()
    {
        using var workspace = new TempWorkspace();
        var project = workspace.Write("select.proj", TestProjects.ImportingTargets());
        var store = "sqlite:///" + workspace.PathOf(Path.Combine("store", "tracking.db"));
        Directory.CreateDirectory(workspace.PathOf("store"));

        var result = await DotNetProcess.RunAsync(workspace.Root, Timeout,
            TestProjects.MSBuild(project, "PipelineSelect;ShowOutputs", $"-p:PipelineTrackingUri={store}"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(workspace.PathOf(Path.Combine("store", "tracking.db"))), result.ToString());
        var summaries = new[] { "InitStore: experiment", "PrepareData: dataset", "Sweep: 12 of 12 trials finished", "Select: selected" }
            .Select(s => result.Output.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.All(summaries, i => Assert.True(i >= 0, result.ToString()));
        Assert.Equal(summaries.Order(), summaries);
        Assert.Matches(new Regex("BestRunId=[0-9a-f]{32}"), result.Output);
        Assert.Matches(new Regex("Output Sweep.sweep_run_id=[0-9a-f]{32}"), result.Output);
    }

    [Fact]
    public async Task PipelineSelect_SecondRun_SaysOnceForEachStageThatItIsSkippedAndWhichRunItReuses()
    {
        using var workspace = new TempWorkspace();
        var project = workspace.Write("rerun.proj", TestProjects.ImportingTargets());
        var first = await DotNetProcess.RunAsync(workspace.Root, Timeout, TestProjects.MSBuild(project, "PipelineSelect"));
        Assert.True(first.ExitCode == 0, first.ToString());

        var second = await DotNetProcess.RunAsync(workspace.Root, Timeout, TestProjects.MSBuild(project, "PipelineSelect"));

        Assert.True(second.ExitCode == 0, second.ToString());
        foreach (var stage in new[] { "PrepareData", "Sweep", "Select" })
        {
            var skips = Regex.Matches(second.Output, $@"{stage}: skipped, inputs unchanged since run [0-9a-f]{{8}}\b");
            Assert.True(skips.Count == 1, $"{stage}: {skips.Count} skip lines\n{second}");
            Assert.DoesNotContain($"{stage}: {stage}:", second.Output);
        }
    }

    [Fact]
    public async Task BadPipelineFile_FailsWithPIPE001_AtTheFileAndLine()
    {
        using var workspace = new TempWorkspace();
        File.WriteAllText(workspace.PipelineFile, File.ReadAllText(workspace.PipelineFile).Replace("  cv_folds: 5", "  cv_foldz: 5"));
        var project = workspace.Write("bad.proj", TestProjects.ImportingTargets());

        var result = await DotNetProcess.RunAsync(workspace.Root, Timeout, TestProjects.MSBuild(project, "PipelineInitStore"));

        Assert.NotEqual(0, result.ExitCode);
        var line = File.ReadAllLines(workspace.PipelineFile).ToList().FindIndex(l => l.Contains("cv_foldz", StringComparison.Ordinal)) + 1;
        Assert.Matches(new Regex($@"breast-cancer\.yaml\({line},\d+\): error PIPE001: .*cv_foldz"), result.Output);
    }

    [Fact]
    public async Task MissingPipelineFile_FailsWithPIPE001_NamingThePath()
    {
        using var workspace = new TempWorkspace();
        var project = workspace.Write("missing.proj", TestProjects.ImportingTargets());

        var result = await DotNetProcess.RunAsync(workspace.Root, Timeout,
            TestProjects.MSBuild(project, "PipelineInitStore", "-p:PipelineFile=pipelines/nope.yaml"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error PIPE001: The pipeline file 'pipelines/nope.yaml' does not exist", result.Output);
    }
}
