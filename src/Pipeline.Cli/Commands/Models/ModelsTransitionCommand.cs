using System.CommandLine;
using Pipeline.Cli.Listing;
using Pipeline.Stages.Running;
using Pipeline.Tracking.Registry;

namespace Pipeline.Cli.Commands.Models;

/// <summary>
/// <c>pipeline models transition NAME VERSION STAGE [--archive-existing-versions]</c>: MLflow's (deprecated, still used)
/// <c>transition_model_version_stage</c> to None, Staging, Production or Archived. Aliases are MLflow's recommended way
/// to promote a version; stages remain for teams and tools that still read them.
/// </summary>
internal static class ModelsTransitionCommand
{
    public static Command Create()
    {
        var trackingUri = CommonOptions.TrackingUri();
        var name = new Argument<string>("name") { Description = "Registered model name." };
        var version = new Argument<long>("version") { Description = "Version number." };
        var stage = new Argument<string>("stage") { Description = "None, Staging, Production or Archived (any case)." };
        var archive = new Option<bool>("--archive-existing-versions")
        {
            Description = "Move the model's other versions in the target stage to Archived (Staging and Production only).",
        };
        var command = new Command("transition", "Move a model version to a stage (None, Staging, Production, Archived).") { name, version, stage, archive, trackingUri };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            // Checked before the store is opened, so a typo is a usage error even when the store is unreachable.
            var target = ModelVersionStages.Canonical(parse.GetValue(stage)!);
            await using var session = StoreSession.Open(parse.GetValue(trackingUri));
            var (modelName, number) = (parse.GetValue(name)!, parse.GetValue(version));
            var before = await session.Registry.GetModelVersionAsync(modelName, number, ct);
            var others = parse.GetValue(archive)
                ? (await session.Registry.GetLatestVersionsAsync(modelName, [target], ct)).Where(v => v.Version != number).Select(v => v.Version).ToList()
                : [];
            var moved = await session.Registry.TransitionModelVersionStageAsync(modelName, number, target, parse.GetValue(archive), ct);
            Console.WriteLine($"model '{modelName}' version {number}: {before.CurrentStage} -> {moved.CurrentStage}" +
                (others.Count > 0 ? $" (archived the previous {target} version {string.Join(", ", others)})" : ""));
            return ExitCodes.Success;
        }));
        return command;
    }
}
