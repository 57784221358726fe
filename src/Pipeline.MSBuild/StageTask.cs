using Microsoft.Build.Framework;
using Pipeline.Stages.Running;
using Pipeline.Stages.Spec;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace Pipeline.MSBuild;

/// <summary>
/// The mapping every stage task shares: MSBuild properties to <see cref="StageOptions"/>, the stage's result to
/// <c>[Output]</c> properties and items, its messages and failures to MSBuild's log with codes (<see cref="DiagnosticCodes"/>).
/// A stage that succeeds or is skipped returns true; a failed gate or an error returns false.
/// </summary>
public abstract partial class StageTask : MSBuildTask, ICancelableTask
{
    private readonly StageName _stage;
    private readonly CancellationTokenSource _cancellation = new();

    /// <summary>Creates the task for one stage.</summary>
    protected StageTask(StageName stage) => _stage = stage;

    /// <summary>The pipeline file, e.g. <c>pipelines/breast-cancer.yaml</c>; a relative path starts at the current directory (MSBuild's: the project's folder).</summary>
    [Required]
    public string PipelineFile { get; set; } = "";

    /// <summary>Overrides the tracking store named by the pipeline file and <c>MLFLOW_TRACKING_URI</c>; default: not set.</summary>
    public string? TrackingUri { get; set; }

    /// <summary>Rerun the stage even when its inputs are unchanged; default false.</summary>
    public bool Force { get; set; }

    /// <summary>Where reports and the CI summary go; default: not set (<c>out/&lt;experiment&gt;</c> under the current directory).</summary>
    public string? OutputDirectory { get; set; }

    /// <summary>The pipeline execution the stage belongs to (<c>$(PipelineExecutionId)</c>); default: not set
    /// (<c>PIPELINE_EXECUTION_ID</c>, else the newest execution of the pipeline file when unambiguous).</summary>
    public string? ExecutionId { get; set; }

    /// <summary>How the stage ended: <c>Succeeded</c>, <c>Skipped</c> or <c>GateFailed</c>; empty when it failed with an error.</summary>
    [Output]
    public string Outcome { get; private set; } = "";

    /// <summary>The stage's one-line summary, e.g. <c>experiment 'breast-cancer' ready (id 1)</c>.</summary>
    [Output]
    public string Summary { get; private set; } = "";

    /// <summary>Every named output of the stage as an item: the name (e.g. <c>best_run_id</c>) as item spec, the value as <c>Value</c> metadata.</summary>
    [Output]
    public ITaskItem[] StageOutputs { get; private set; } = [];

    /// <summary>Runs the stage and maps its result; see the class remarks for the return value.</summary>
    public override bool Execute()
    {
        var pipelineFile = Path.GetFullPath(PipelineFile);
        var reporter = new MSBuildStageReporter(Log, pipelineFile);
        try
        {
            var options = Configure(new StageOptions(PipelinePath: pipelineFile, TrackingUri: NullIfEmpty(TrackingUri), Force: Force,
                OutputDirectory: NullIfEmpty(OutputDirectory) is { } output ? Path.GetFullPath(output) : null, ExecutionId: NullIfEmpty(ExecutionId)));
            var result = new PipelineRunner(reporter, TimeProvider.System).RunAsync(_stage, options, _cancellation.Token).GetAwaiter().GetResult();
            return Report(result, pipelineFile);
        }
        catch (PipelineException e) when (e.InnerException is PipelineSpecException spec)
        {
            foreach (var error in spec.Errors)
                reporter.ErrorAt(DiagnosticCodes.Error, error.Source, error.Line, error.Column, error.KeyPath.Length > 0 ? $"{error.KeyPath}: {error.Message}" : error.Message);
        }
        catch (PipelineException e)
        {
            reporter.ErrorAt(DiagnosticCodes.Error, pipelineFile, 0, 0, e.Message);
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            reporter.ErrorAt(DiagnosticCodes.Error, pipelineFile, 0, 0, $"{_stage}: cancelled.");
        }
        catch (Exception e)
        {
            // A bug rather than bad input: keep the stack trace for the report.
            reporter.ErrorAt(DiagnosticCodes.Error, pipelineFile, 0, 0, $"{_stage}: unexpected error: {e}");
        }
        return false;
    }

    /// <summary>Adds the options only one stage has (DockerServe's <c>RequireDocker</c>, SmokeTest's <c>KeepServing</c>).</summary>
    private protected virtual StageOptions Configure(StageOptions options) => options;

    /// <summary>Asks the running stage to stop (Ctrl+C in the build).</summary>
    public void Cancel() => _cancellation.Cancel();

    /// <summary>Maps a finished stage's result to the outputs and the log; false for a failed gate.</summary>
    internal bool Report(StageResult result, string pipelineFile)
    {
        Outcome = result.Outcome.ToString();
        Summary = result.Summary;
        StageOutputs = StageOutputItems.From(result.Outputs);
        SetNamedOutputs(result.Outputs);
        if (result.Outcome == StageOutcome.GateFailed)
        {
            new MSBuildStageReporter(Log, pipelineFile).ErrorAt(DiagnosticCodes.GateFailed, pipelineFile, 0, 0, Prefixed(result.Summary));
            return false;
        }
        // A skipped stage's summary ("Sweep: skipped, inputs unchanged since run 3f2a9c01") was already reported by
        // the runner as it decided; saying it again would print every skip twice.
        if (result.Outcome != StageOutcome.Skipped)
            Log.LogMessage(MessageImportance.High, Prefixed(result.Summary));
        return !Log.HasLoggedErrors;
    }

    /// <summary>The summary with the stage's name in front, unless it already starts with it (skips, failed gates).</summary>
    private string Prefixed(string summary) =>
        summary.StartsWith($"{_stage}:", StringComparison.Ordinal) ? summary : $"{_stage}: {summary}";

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
