using System.CommandLine;
using Pipeline.Stages.Running;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline stages</c>: lists the workflow's stages in order, what each depends on and does.</summary>
internal static class StagesCommand
{
    public static Command Create()
    {
        var command = new Command("stages", "List the workflow's stages in order.");
        command.SetAction(_ =>
        {
            foreach (var stage in StageNames.InWorkflowOrder)
                Console.WriteLine($"{stage.ToCliName(),-14} {Workflow.Get(stage).Description}");
            return ExitCodes.Success;
        });
        return command;
    }
}
