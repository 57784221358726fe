using System.CommandLine;
using Pipeline.Stages.Running;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline run [stage]</c>: runs one stage, or with no stage every stage this version has built, in order.</summary>
internal static class RunStageCommand
{
    public static Command Create(TimeProvider time)
    {
        var stage = new Argument<string?>("stage")
        {
            Description = "Stage to run: " + string.Join(", ", StageNames.InWorkflowOrder.Select(s => s.ToCliName())) + ". Default: every built stage.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var pipeline = CommonOptions.Pipeline();
        var trackingUri = CommonOptions.TrackingUri();
        var force = CommonOptions.Force();
        var output = CommonOptions.Output();
        var requireDocker = new Option<bool>("--require-docker") { Description = "docker-serve fails without a Docker engine instead of serving as a local process." };
        var keepServing = new Option<bool>("--keep-serving") { Description = "smoke-test leaves the served endpoint running." };
        var registry = new Option<string?>("--registry") { Description = "smoke-test pushes the image to this registry prefix once it passed (overrides serve.registry), e.g. ghcr.io/team." };
        var push = new Option<bool>("--push") { Description = "smoke-test fails up front unless a registry is named (serve.registry or --registry)." };
        var save = new Option<string?>("--save") { Description = "smoke-test writes the image as a docker save archive once it passed (overrides serve.save)." };
        var command = new Command("run", "Run a pipeline stage.") { stage, pipeline, trackingUri, force, output, requireDocker, keepServing, registry, push, save };
        command.SetAction(async (parse, ct) =>
        {
            var options = new StageOptions(parse.GetValue(pipeline)!, parse.GetValue(trackingUri), parse.GetValue(force),
                OutputDirectory: parse.GetValue(output), RequireDocker: parse.GetValue(requireDocker), KeepServing: parse.GetValue(keepServing),
                Registry: parse.GetValue(registry), Push: parse.GetValue(push), Save: parse.GetValue(save));
            var requested = parse.GetValue(stage);
            IEnumerable<StageName> stages;
            if (requested is null)
                stages = StageNames.InWorkflowOrder.Where(PipelineRunner.IsBuilt);
            else if (StageNames.TryParse(requested, out var one))
                stages = [one];
            else
            {
                Console.Error.WriteLine($"error: unknown stage '{requested}'. Stages: {string.Join(", ", StageNames.InWorkflowOrder.Select(s => s.ToCliName()))}.");
                return ExitCodes.Usage;
            }
            return await StageInvoker.RunAsync(stages, options, time, ct);
        });
        return command;
    }
}
