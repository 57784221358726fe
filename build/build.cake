// The pipeline's Cake front end: one task per stage, each a couple of lines that call the stage.
// Run through ./build.sh or ./build.ps1, which publish the stages into .tools/pipeline first.
#r "../.tools/pipeline/Pipeline.Tracking.dll"
#r "../.tools/pipeline/Pipeline.Ml.dll"
#r "../.tools/pipeline/Pipeline.Docker.dll"
#r "../.tools/pipeline/Pipeline.Stages.dll"
#load "reporter.cake"

using Pipeline.Stages.Running;

// Cake starts in build/; relative paths (the pipeline file, mlruns.db) start at the repository root, where build.sh runs.
System.IO.Directory.SetCurrentDirectory(MakeAbsolute(Directory("..")).FullPath);

var target = Argument("target", "Default");
var options = new StageOptions(
    PipelinePath: Argument("pipeline", "pipelines/breast-cancer.yaml"),
    TrackingUri: NullIfEmpty(Argument("tracking-uri", "")),
    Force: HasArgument("force"),
    OutputDirectory: NullIfEmpty(Argument("output", "")),
    RequireDocker: HasArgument("require-docker"),
    KeepServing: HasArgument("keep-serving"),
    Registry: NullIfEmpty(Argument("registry", "")),
    Push: HasArgument("push"),
    Save: NullIfEmpty(Argument("save", "")));
// On Ctrl+C or SIGTERM the runs this build opened are ended as KILLED, never left RUNNING.
var guard = new Pipeline.Tracking.Runs.RunInterruptGuard();
var runner = new PipelineRunner(new CakeStageReporter(Context), TimeProvider.System, guard: guard);

Task("InitStore").Does(() => RunStage(StageName.InitStore));
Task("PrepareData").IsDependentOn("InitStore").Does(() => RunStage(StageName.PrepareData));
Task("Sweep").IsDependentOn("PrepareData").Does(() => RunStage(StageName.Sweep));
Task("Select").IsDependentOn("Sweep").Does(() => RunStage(StageName.Select));
Task("Evaluate").IsDependentOn("Select").Does(() => RunStage(StageName.Evaluate));
Task("Package").IsDependentOn("Evaluate").Does(() => RunStage(StageName.Package));
Task("DockerServe").IsDependentOn("Package").Does(() => RunStage(StageName.DockerServe));
Task("SmokeTest").IsDependentOn("DockerServe").Does(() => RunStage(StageName.SmokeTest));

// With no target, run every stage this version has built, in workflow order.
Task("Default").IsDependentOn(PipelineRunner.LastBuiltStage.ToString());

Task("Test").Does(() => DotNetTest("Pipeline.sln", new DotNetTestSettings
{
    Configuration = "Release",
    Loggers = { "console;verbosity=normal" },
}));

// Cake ends a failed run with exit code 1 whatever the task threw; a failed gate must exit with its own code, so CI can
// tell it from a broken build. Cake has printed its task summary by the time RunTarget throws, not yet the error.
var gateFailed = false;
try
{
    RunTarget(target);
}
catch (Exception e) when (gateFailed)
{
    Error($"Error: {(e is CakeException ? e : e.InnerException ?? e).Message}");
    System.Environment.Exit(ExitCodes.GateFailed);
}

void RunStage(StageName stage)
{
    var result = runner.RunAsync(stage, options).GetAwaiter().GetResult();
    if (result.Outcome == StageOutcome.GateFailed)
    {
        gateFailed = true;
        throw new CakeException(ExitCodes.GateFailed, result.Summary);
    }
}

static string NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
