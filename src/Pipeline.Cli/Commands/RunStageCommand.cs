using System.CommandLine;
using Pipeline.Stages.Running;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline run [stage]</c>: runs a stage after the stages it depends on (as Cake's <c>--target</c> and MSBuild's
/// <c>-t:</c> do), or alone with <c>--exclusive</c>; with no stage, the whole workflow.
/// </summary>
internal static class RunStageCommand
{
    public static Command Create(TimeProvider time)
    {
        var stage = new Argument<string?>("stage")
        {
            Description = "Stage to run: " + string.Join(", ", StageNames.InWorkflowOrder.Select(s => s.ToCliName())) + ". It runs after its predecessors unless --exclusive. Default: the whole workflow.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var pipeline = CommonOptions.Pipeline();
        var trackingUri = CommonOptions.TrackingUri();
        var force = CommonOptions.Force();
        var output = CommonOptions.Output();
        var requireDocker = new Option<bool>("--require-docker") { Description = "docker-serve fails without a Docker engine instead of serving as a local process." };
        var keepServing = new Option<bool>("--keep-serving") { Description = "smoke-test leaves the served endpoint running." };
        var exclusive = new Option<bool>("--exclusive") { Description = "Run only the named stage, not its predecessors (each stage reads its inputs from the store)." };
        var registry = new Option<string?>("--registry") { Description = "smoke-test pushes the image to this registry prefix once it passed (overrides serve.registry), e.g. ghcr.io/team." };
        var push = new Option<bool>("--push") { Description = "smoke-test fails up front unless a registry is named (serve.registry or --registry)." };
        var save = new Option<string?>("--save") { Description = "smoke-test writes the image as a docker save archive once it passed (overrides serve.save)." };
        var executionId = new Option<string?>("--execution-id")
        {
            Description = "The pipeline execution the stages belong to (default PIPELINE_EXECUTION_ID; a whole run makes up its own), e.g. a CI run id shared by the jobs of one build.",
        };
        var command = new Command("run", "Run a pipeline stage and the stages before it.")
            { stage, pipeline, trackingUri, force, output, requireDocker, keepServing, exclusive, registry, push, save, executionId };
        command.SetAction(async (parse, ct) =>
        {
            var options = new StageOptions(parse.GetValue(pipeline)!, parse.GetValue(trackingUri), parse.GetValue(force),
                OutputDirectory: parse.GetValue(output), RequireDocker: parse.GetValue(requireDocker), KeepServing: parse.GetValue(keepServing),
                Registry: parse.GetValue(registry), Push: parse.GetValue(push), Save: parse.GetValue(save), ExecutionId: parse.GetValue(executionId));
            var requested = parse.GetValue(stage);
            StageName target;
            if (requested is null)
                target = StageNames.InWorkflowOrder[^1];
            else if (!StageNames.TryParse(requested, out target))
            {
                Console.Error.WriteLine($"error: unknown stage '{requested}'. Stages: {string.Join(", ", StageNames.InWorkflowOrder.Select(s => s.ToCliName()))}.");
                return ExitCodes.Usage;
            }
            var stages = parse.GetValue(exclusive) ? [target] : Workflow.WithPredecessors(target);
            return await StageInvoker.RunAsync(stages, options, time, ct);
        });
        return command;
    }
}
