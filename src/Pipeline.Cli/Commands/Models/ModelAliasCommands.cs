using System.CommandLine;
using Pipeline.Cli.Listing;
using Pipeline.Stages.Running;
using Pipeline.Tracking;
using Pipeline.Tracking.Registry;

namespace Pipeline.Cli.Commands.Models;

/// <summary>
/// <c>pipeline models set-alias NAME ALIAS VERSION</c> and <c>delete-alias NAME ALIAS</c> (MLflow's
/// <c>set_registered_model_alias</c> / <c>delete_registered_model_alias</c>): promote or withdraw a version in one command.
/// </summary>
internal static class ModelAliasCommands
{
    public static Command CreateSet()
    {
        var trackingUri = CommonOptions.TrackingUri();
        var name = new Argument<string>("name") { Description = "Registered model name." };
        var alias = new Argument<string>("alias") { Description = "Alias, e.g. champion." };
        var version = new Argument<long>("version") { Description = "Version number the alias should name." };
        var command = new Command("set-alias", "Point an alias (e.g. champion) at a model version, moving it from the version it named.") { name, alias, version, trackingUri };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            await using var session = StoreSession.Open(parse.GetValue(trackingUri));
            var (modelName, aliasName, target) = (parse.GetValue(name)!, parse.GetValue(alias)!, parse.GetValue(version));
            var previous = await CurrentAsync(session.Registry, modelName, aliasName, ct);
            await session.Registry.SetRegisteredModelAliasAsync(modelName, aliasName, target, ct);
            var was = previous is null ? "new alias" : previous.Version == target ? "unchanged" : $"was version {previous.Version}";
            Console.WriteLine($"models:/{modelName}@{aliasName} -> version {target} ({was})");
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command CreateDelete()
    {
        var trackingUri = CommonOptions.TrackingUri();
        var name = new Argument<string>("name") { Description = "Registered model name." };
        var alias = new Argument<string>("alias") { Description = "Alias to remove." };
        var command = new Command("delete-alias", "Remove an alias from a registered model (the version stays).") { name, alias, trackingUri };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            await using var session = StoreSession.Open(parse.GetValue(trackingUri));
            var (modelName, aliasName) = (parse.GetValue(name)!, parse.GetValue(alias)!);
            // The model must exist; a missing alias is not an error (as MLflow), but it is worth saying.
            await session.Registry.GetRegisteredModelAsync(modelName, ct);
            var previous = await CurrentAsync(session.Registry, modelName, aliasName, ct);
            await session.Registry.DeleteRegisteredModelAliasAsync(modelName, aliasName, ct);
            if (previous is null)
                await Console.Error.WriteLineAsync($"note: model '{modelName}' had no alias '{aliasName}'; nothing deleted.");
            else
                Console.WriteLine($"models:/{modelName}@{aliasName} deleted (it named version {previous.Version})");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static async Task<ModelVersion?> CurrentAsync(IModelRegistry registry, string name, string alias, CancellationToken ct)
    {
        try
        {
            return await registry.GetModelVersionByAliasAsync(name, alias, ct);
        }
        catch (TrackingException e) when (e.Code is ErrorCode.InvalidParameterValue or ErrorCode.ResourceDoesNotExist)
        {
            // Unknown model or alias: the write that follows reports the model; an absent alias simply has no previous version.
            return null;
        }
    }
}
