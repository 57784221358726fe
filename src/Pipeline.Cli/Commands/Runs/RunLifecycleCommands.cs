using System.CommandLine;
using Pipeline.Cli.Listing;
using Pipeline.Stages.Running;
using Pipeline.Tracking;
using Pipeline.Tracking.Entities;

namespace Pipeline.Cli.Commands.Runs;

/// <summary>
/// <c>pipeline runs delete RUN_ID...</c> and <c>restore RUN_ID...</c> (MLflow's <c>delete_run</c> / <c>restore_run</c>):
/// marks runs deleted (hidden from listings, kept in the store with their artifacts) or active again. Each id is
/// reported; an id that fails does not stop the others, and makes the exit code 1.
/// </summary>
internal static class RunLifecycleCommands
{
    public static Command CreateDelete() => Create("delete", "Mark runs deleted (restorable with 'runs restore').", LifecycleStage.Deleted);

    public static Command CreateRestore() => Create("restore", "Restore deleted runs.", LifecycleStage.Active);

    private static Command Create(string name, string description, LifecycleStage target)
    {
        var trackingUri = CommonOptions.TrackingUri();
        var runIds = new Argument<string[]>("run-id") { Description = "Run ids (32 hex characters).", Arity = ArgumentArity.OneOrMore };
        var command = new Command(name, description) { runIds, trackingUri };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            await using var session = StoreSession.Open(parse.GetValue(trackingUri));
            var failed = 0;
            foreach (var id in parse.GetValue(runIds)!)
            {
                try
                {
                    var run = await RunLookup.GetAsync(session, id, ct);
                    if (run.Info.LifecycleStage == target)
                    {
                        Console.WriteLine($"run {id} ({run.Info.RunName}) is already {target.ToMlflowName()}");
                        continue;
                    }

                    if (target == LifecycleStage.Deleted)
                        await session.Tracking.DeleteRunAsync(id, ct);
                    else
                        await session.Tracking.RestoreRunAsync(id, ct);
                    Console.WriteLine($"run {id} ({run.Info.RunName}) {(target == LifecycleStage.Deleted ? "deleted" : "restored")}");
                }
                catch (TrackingException e)
                {
                    await Console.Error.WriteLineAsync($"error: {e.Message}");
                    failed++;
                }
            }

            return failed == 0 ? ExitCodes.Success : ExitCodes.Error;
        }));
        return command;
    }
}
