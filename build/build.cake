// The pipeline's Cake front end: one task per stage, each a couple of lines that call the stage.
// Run through ./build.sh or ./build.ps1, which publish the stages into .tools/pipeline first.
#r "../.tools/pipeline/Pipeline.Tracking.dll"
#r "../.tools/pipeline/Pipeline.Ml.dll"
#r "../.tools/pipeline/Pipeline.Docker.dll"
#r "../.tools/pipeline/Pipeline.Stages.dll"
#load "reporter.cake"
#load "arguments.cake"

using Pipeline.Stages.Running;

// The stages' dependencies load from .tools/pipeline through a thread-safe resolver, never through Cake's own
// AppDomain.AssemblyResolve handler, which is not safe for the sweep's parallel trials (see HostedAssemblyResolver).
var dependencies = Pipeline.Stages.Hosting.HostedAssemblyResolver.ForStages();

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
    Save: NullIfEmpty(Argument("save", "")),
    ExecutionId: NullIfEmpty(Argument("execution-id", "")));
// On Ctrl+C or SIGTERM the runs this build opened are ended as KILLED, never left RUNNING.
var guard = new Pipeline.Tracking.Runs.RunInterruptGuard();
var runner = new PipelineRunner(new CakeStageReporter(Context), TimeProvider.System, guard: guard);

// One task per stage, generated from the workflow's one declaration (order, dependencies, descriptions), so Cake
// cannot drift from the CLI and MSBuild. --exclusive (Cake's own switch) runs the target without its dependencies.
foreach (var stage in Workflow.Stages)
{
    var name = stage.Name;
    var task = Task(name.ToString()).Description(stage.Description).Does(() => RunStage(name));
    foreach (var dependency in stage.DependsOn)
        task.IsDependentOn(dependency.ToString());
}

// With no target, run the whole workflow.
Task("Default").Description("The whole workflow.").IsDependentOn(StageNames.InWorkflowOrder[StageNames.InWorkflowOrder.Count - 1].ToString());

Task("Test").Description("Build and run every test project (Release)").Does(() => DotNetTest("Pipeline.sln", new DotNetTestSettings
{
    Configuration = "Release",
    Loggers = { "console;verbosity=normal" },
}));

if (BuildArguments.Check(Context.Arguments.GetArguments().Keys) is { } argumentError)
{
    Error($"error: {argumentError}");
    System.Environment.Exit(ExitCodes.Usage);
}
if (HasArgument("show-help"))
{
    Information(BuildArguments.Help(Tasks.Select(t => (t.Name, t.Description ?? ""))));
    System.Environment.Exit(ExitCodes.Success);
}

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
