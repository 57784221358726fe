using System.CommandLine;
using Pipeline.Cli.Listing;
using Pipeline.Cli.Output;
using Pipeline.Stages.Running;
using Pipeline.Tracking.Registry;
using Spectre.Console;

namespace Pipeline.Cli.Commands.Models;

/// <summary><c>pipeline models list [--filter F] [--max-results N]</c>: registered models (MLflow's <c>search_registered_models</c>), by name.</summary>
internal static class ModelsListCommand
{
    public static Command Create()
    {
        var trackingUri = CommonOptions.TrackingUri();
        var output = OutputOption.Create();
        var filter = new Option<string?>("--filter") { Description = "Registry filter, e.g. \"name LIKE 'breast%'\" or \"tags.team = 'ml'\"." };
        var maxResults = new Option<int>("--max-results")
        {
            Description = $"At most this many models (1 to {RegisteredModelQuery.MaxResultsThreshold}).",
            DefaultValueFactory = _ => RegisteredModelQuery.DefaultMaxResults,
        };
        var command = new Command("list", "List registered models with their latest version and aliases.") { filter, maxResults, output, trackingUri };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            await using var session = StoreSession.Open(parse.GetValue(trackingUri));
            var page = await session.Registry.SearchRegisteredModelsAsync(
                new RegisteredModelQuery(parse.GetValue(filter), parse.GetValue(maxResults), ["name ASC"]), ct);
            DataViewWriter.Write(View(page.Items), OutputOption.Parse(parse.GetValue(output)));
            if (page.NextPageToken is not null)
                await Console.Error.WriteLineAsync($"note: more models match; showing the first {page.Items.Count} (raise --max-results).");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static DataView View(IReadOnlyList<RegisteredModel> models)
    {
        IReadOnlyList<string> headers = ["name", "latest version", "aliases", "updated (UTC)", "description"];
        var rows = models.Select(m => (IReadOnlyList<string>)
        [
            m.Name,
            m.LatestVersions.Count == 0 ? "" : m.LatestVersions.Max(v => v.Version).ToString(System.Globalization.CultureInfo.InvariantCulture),
            RegistryCells.Aliases(m.Aliases),
            Cells.Time(m.LastUpdatedTimestamp),
            m.Description ?? "",
        ]).ToList();
        return new DataView(headers, rows, w =>
        {
            w.WriteStartArray();
            foreach (var model in models)
                EntityJson.WriteRegisteredModel(w, model);
            w.WriteEndArray();
        })
        { FixedColumns = 3, Style = (_, c) => c == 2 ? RegistryCells.Alias : (Style?)null };
    }
}
