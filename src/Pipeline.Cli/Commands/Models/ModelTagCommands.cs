using System.CommandLine;
using Pipeline.Cli.Listing;
using Pipeline.Stages.Running;
using Pipeline.Tracking.Registry;

namespace Pipeline.Cli.Commands.Models;

/// <summary>
/// <c>pipeline models set-tag NAME KEY VALUE [--version N]</c> and <c>delete-tag NAME KEY [--version N]</c>: a tag on
/// the registered model, or with <c>--version</c> on one version (MLflow's <c>set_registered_model_tag</c> /
/// <c>set_model_version_tag</c> and their delete counterparts).
/// </summary>
internal static class ModelTagCommands
{
    public static Command CreateSet()
    {
        var trackingUri = CommonOptions.TrackingUri();
        var name = new Argument<string>("name") { Description = "Registered model name." };
        var key = new Argument<string>("key") { Description = "Tag key." };
        var value = new Argument<string>("value") { Description = "Tag value." };
        var version = VersionOption();
        var command = new Command("set-tag", "Set a tag on a registered model, or on one version with --version.") { name, key, value, version, trackingUri };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            await using var session = StoreSession.Open(parse.GetValue(trackingUri));
            var (modelName, tag) = (parse.GetValue(name)!, new RegistryTag(parse.GetValue(key)!, parse.GetValue(value)!));
            if (parse.GetValue(version) is { } v)
                await session.Registry.SetModelVersionTagAsync(modelName, v, tag, ct);
            else
                await session.Registry.SetRegisteredModelTagAsync(modelName, tag, ct);
            Console.WriteLine($"{Target(modelName, parse.GetValue(version))}: tag {tag.Key} = {tag.Value}");
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command CreateDelete()
    {
        var trackingUri = CommonOptions.TrackingUri();
        var name = new Argument<string>("name") { Description = "Registered model name." };
        var key = new Argument<string>("key") { Description = "Tag key." };
        var version = VersionOption();
        var command = new Command("delete-tag", "Remove a tag from a registered model, or from one version with --version.") { name, key, version, trackingUri };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            await using var session = StoreSession.Open(parse.GetValue(trackingUri));
            var (modelName, tagKey) = (parse.GetValue(name)!, parse.GetValue(key)!);
            if (parse.GetValue(version) is { } v)
            {
                // The version must exist: a delete on a missing one would otherwise succeed silently on some stores.
                await session.Registry.GetModelVersionAsync(modelName, v, ct);
                await session.Registry.DeleteModelVersionTagAsync(modelName, v, tagKey, ct);
            }
            else
            {
                await session.Registry.GetRegisteredModelAsync(modelName, ct);
                await session.Registry.DeleteRegisteredModelTagAsync(modelName, tagKey, ct);
            }

            Console.WriteLine($"{Target(modelName, parse.GetValue(version))}: tag {tagKey} deleted");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Option<long?> VersionOption() => new("--version") { Description = "Tag this version instead of the registered model." };

    private static string Target(string name, long? version) => version is { } v ? $"model '{name}' version {v}" : $"model '{name}'";
}
