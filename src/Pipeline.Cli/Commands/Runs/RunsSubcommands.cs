using System.CommandLine;

namespace Pipeline.Cli.Commands.Runs;

/// <summary>Adds <c>get</c>, <c>compare</c>, <c>delete</c> and <c>restore</c> to the <c>runs</c> command beside <c>list</c>.</summary>
internal static class RunsSubcommands
{
    public static Command AddTo(Command runs)
    {
        runs.Subcommands.Add(RunsGetCommand.Create());
        runs.Subcommands.Add(RunsCompareCommand.Create());
        runs.Subcommands.Add(RunLifecycleCommands.CreateDelete());
        runs.Subcommands.Add(RunLifecycleCommands.CreateRestore());
        return runs;
    }
}
