using System.CommandLine;
using Pipeline.Cli.Listing;
using Pipeline.Cli.Output;
using Pipeline.Stages.Running;
using Pipeline.Tracking.Registry;

namespace Pipeline.Cli.Commands.Models;

/// <summary><c>pipeline models versions NAME</c>: a model's versions, newest first (MLflow's <c>search_model_versions</c> on the name).</summary>
internal static class ModelsVersionsCommand
{
    public static Command Create()
    {
        var trackingUri = CommonOptions.TrackingUri();
        var output = OutputOption.Create();
        var name = new Argument<string>("name") { Description = "Registered model name." };
        var command = new Command("versions", "List a registered model's versions, newest first, with stage, aliases and source run.") { name, output, trackingUri };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            await using var session = StoreSession.Open(parse.GetValue(trackingUri));
            var modelName = parse.GetValue(name)!;
            // An unknown model is an error naming it, not an empty list.
            await session.Registry.GetRegisteredModelAsync(modelName, ct);
            var versions = new List<ModelVersion>();
            string? token = null;
            do
            {
                var page = await session.Registry.SearchModelVersionsAsync(
                    new ModelVersionQuery(RegistryCells.NameFilter(modelName), OrderBy: ["version_number DESC"], PageToken: token), ct);
                versions.AddRange(page.Items);
                token = page.NextPageToken;
            }
            while (token is not null);

            DataViewWriter.Write(View(versions), OutputOption.Parse(parse.GetValue(output)));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static DataView View(IReadOnlyList<ModelVersion> versions)
    {
        IReadOnlyList<string> headers = ["version", "stage", "aliases", "status", "created (UTC)", "run id", "source", "description"];
        var rows = versions.Select(v => (IReadOnlyList<string>)
        [
            v.VersionText,
            v.CurrentStage,
            string.Join(", ", v.Aliases.Order(StringComparer.Ordinal)),
            v.Status.ToMlflowName(),
            Cells.Time(v.CreationTimestamp),
            v.RunId ?? "",
            v.Source ?? "",
            v.Description ?? "",
        ]).ToList();
        return new DataView(headers, rows, w =>
        {
            w.WriteStartArray();
            foreach (var version in versions)
                EntityJson.WriteModelVersion(w, version);
            w.WriteEndArray();
        })
        {
            FixedColumns = 3,
            Style = (r, c) => c switch
            {
                1 => RegistryCells.Stage(versions[r].CurrentStage),
                2 => RegistryCells.Alias,
                _ => null,
            },
        };
    }
}
