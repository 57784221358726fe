using System.CommandLine;
using Pipeline.Cli.Listing;
using Pipeline.Cli.Output;
using Pipeline.Stages.Running;
using Pipeline.Tracking.Registry;
using Spectre.Console;

namespace Pipeline.Cli.Commands.Models;

/// <summary><c>pipeline models get NAME</c>: one registered model (MLflow's <c>get_registered_model</c>) as field/value rows.</summary>
internal static class ModelsGetCommand
{
    public static Command Create()
    {
        var trackingUri = CommonOptions.TrackingUri();
        var output = OutputOption.Create();
        var name = new Argument<string>("name") { Description = "Registered model name." };
        var command = new Command("get", "Show a registered model: description, tags, aliases and latest versions.") { name, output, trackingUri };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            await using var session = StoreSession.Open(parse.GetValue(trackingUri));
            var model = await session.Registry.GetRegisteredModelAsync(parse.GetValue(name)!, ct);
            DataViewWriter.Write(View(model), OutputOption.Parse(parse.GetValue(output)));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static DataView View(RegisteredModel model)
    {
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "name", model.Name },
            new[] { "created (UTC)", Cells.Time(model.CreationTimestamp) },
            new[] { "updated (UTC)", Cells.Time(model.LastUpdatedTimestamp) },
            new[] { "description", model.Description ?? "" },
        };
        rows.AddRange(model.Aliases.OrderBy(a => a.Alias, StringComparer.Ordinal).Select(a => (IReadOnlyList<string>)[$"alias {a.Alias}", $"version {a.Version}"]));
        rows.AddRange(model.LatestVersions.OrderBy(v => v.Version).Select(v => (IReadOnlyList<string>)[$"latest {v.CurrentStage}", $"version {v.VersionText}"]));
        rows.AddRange(model.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (IReadOnlyList<string>)[$"tag {t.Key}", t.Value]));
        return new DataView(["field", "value"], rows, w => EntityJson.WriteRegisteredModel(w, model))
        {
            Style = (r, c) => c == 1 && rows[r][0].StartsWith("alias ", StringComparison.Ordinal) ? RegistryCells.Alias : (Style?)null,
        };
    }
}
