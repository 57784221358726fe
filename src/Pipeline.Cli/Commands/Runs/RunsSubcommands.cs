using System.CommandLine;

namespace Pipeline.Cli.Commands.Runs;

/// <summary>Adds <c>get</c>, <c>compare</c>, <c>delete</c>, <c>restore</c> and <c>cleanup</c> to the <c>runs</c> command beside <c>list</c>.</summary>
internal static class RunsSubcommands
{
    public static Command AddTo(Command runs, TimeProvider time)
    {
        runs.Subcommands.Add(RunsGetCommand.Create());
        runs.Subcommands.Add(RunsCompareCommand.Create());
        runs.Subcommands.Add(RunLifecycleCommands.CreateDelete());
        runs.Subcommands.Add(RunLifecycleCommands.CreateRestore());
        runs.Subcommands.Add(RunsCleanupCommand.Create(time));
        return runs;
    }
}
