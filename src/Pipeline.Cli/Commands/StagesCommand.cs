using System.CommandLine;
using Pipeline.Stages.Running;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline stages</c>: lists the workflow's stages in order and whether this version has built each.</summary>
internal static class StagesCommand
{
    public static Command Create()
    {
        var command = new Command("stages", "List the workflow's stages in order.");
        command.SetAction(_ =>
        {
            foreach (var stage in StageNames.InWorkflowOrder)
                Console.WriteLine($"{stage.ToCliName(),-14} {(PipelineRunner.IsBuilt(stage) ? "built" : "not built yet")}");
            return ExitCodes.Success;
        });
        return command;
    }
}
