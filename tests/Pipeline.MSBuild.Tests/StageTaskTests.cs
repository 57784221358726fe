using Pipeline.MSBuild.Tests.Infrastructure;
using Pipeline.Stages.Running;

namespace Pipeline.MSBuild.Tests;

/// <summary>How a stage task maps a finished stage's result to MSBuild outputs and log entries (in process, fast).</summary>
public sealed class StageTaskTests
{
    private const string PipelineFile = "/repo/pipelines/breast-cancer.yaml";

    [Fact]
    public void Report_GateFailed_LogsPIPE002AtThePipelineFileAndFails()
    {
        var (task, engine) = NewTask<Evaluate>();

        var ok = task.Report(new StageResult(StageName.Evaluate, StageOutcome.GateFailed, "gate roc_auc >= 0.99 not met (0.9812)",
            new Dictionary<string, string>()), PipelineFile);

        Assert.False(ok);
        var error = Assert.Single(engine.Errors);
        Assert.Equal(DiagnosticCodes.GateFailed, error.Code);
        Assert.Equal(PipelineFile, error.File);
        Assert.Equal("Evaluate: gate roc_auc >= 0.99 not met (0.9812)", error.Message);
        Assert.Equal("GateFailed", task.Outcome);
    }

    [Fact]
    public void Report_Skipped_SucceedsWithOutputsWithoutRepeatingTheRunnersSkipLine()
    {
        var (task, engine) = NewTask<Sweep>();

        var ok = task.Report(StageResult.Skipped(StageName.Sweep, "3f2a9c01d4", new Dictionary<string, string> { ["sweep_run_id"] = "3f2a9c01d4" }), PipelineFile);

        Assert.True(ok);
        Assert.Empty(engine.Errors);
        Assert.DoesNotContain(engine.Messages, m => m.Message?.Contains("skipped", StringComparison.Ordinal) == true);
        Assert.Equal("Skipped", task.Outcome);
        Assert.Equal("Sweep: skipped, inputs unchanged since run 3f2a9c01", task.Summary);
        Assert.Equal("3f2a9c01d4", task.SweepRunId);
    }

    [Fact]
    public void Report_UnchangedEvaluationWithFailedGate_NamesTheStageOnceInPIPE002()
    {
        var (task, engine) = NewTask<Evaluate>();
        var skipped = StageResult.Skipped(StageName.Evaluate, "1cf203e0746c");

        var ok = task.Report(skipped with { Outcome = StageOutcome.GateFailed, Summary = $"{skipped.Summary}; gate roc_auc failed: 0.9 < 0.95" }, PipelineFile);

        Assert.False(ok);
        var error = Assert.Single(engine.Errors);
        Assert.Equal(DiagnosticCodes.GateFailed, error.Code);
        Assert.Equal("Evaluate: skipped, inputs unchanged since run 1cf203e0; gate roc_auc failed: 0.9 < 0.95", error.Message);
    }

    [Fact]
    public void Report_Outputs_SetTypedPropertiesAndItems_ConvertingAFileUriModelDirectory()
    {
        var (task, _) = NewTask<Package>();
        var directory = Path.Combine(Path.GetTempPath(), "mlartifacts", "1", "model");

        task.Report(StageResult.Succeeded(StageName.Package, "registered version 3", new Dictionary<string, string>
        {
            ["model_version"] = "3",
            ["model_directory"] = new Uri(directory).AbsoluteUri,
            ["model_uri"] = "models:/breast-cancer-classifier/3",
        }), PipelineFile);

        Assert.Equal("3", task.ModelVersion);
        Assert.Equal(directory, task.ModelDirectory);
        Assert.Equal("models:/breast-cancer-classifier/3", task.ModelUri);
        Assert.Equal("", task.BestRunId);
        Assert.Equal(["model_directory", "model_uri", "model_version"], task.StageOutputs.Select(i => i.ItemSpec));
        Assert.Equal("3", task.StageOutputs[2].GetMetadata("Value"));
    }

    private static (T Task, RecordingBuildEngine Engine) NewTask<T>() where T : StageTask, new()
    {
        var engine = new RecordingBuildEngine();
        return (new T { BuildEngine = engine, PipelineFile = PipelineFile }, engine);
    }
}
