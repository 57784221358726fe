using System.CommandLine;
using System.Globalization;
using Pipeline.Cli.Listing;
using Pipeline.Cli.Output;
using Pipeline.Stages.Running;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline experiments list [--view active|deleted|all]</c>: every experiment of the tracking store, as a table.</summary>
internal static class ExperimentsCommand
{
    public static Command Create()
    {
        var trackingUri = CommonOptions.TrackingUri();
        var view = CommonOptions.View("experiments");
        var output = OutputOption.Create();
        var list = new Command("list", "List the experiments of the tracking store.") { trackingUri, view, output };
        list.SetAction((parse, ct) => ListingRunner.RunAsync(
            () => ListAsync(TrackingStoreLocator.ResolveUri(parse.GetValue(trackingUri)), CommonOptions.ParseView(parse.GetValue(view)),
                OutputOption.Parse(parse.GetValue(output)), ct), Console.Error));
        return new Command("experiments", "Work with experiments.") { list };
    }

    private static async Task<int> ListAsync(string uri, ViewType view, OutputFormat format, CancellationToken ct)
    {
        await using var backend = TrackingStoreLocator.Open(uri);
        var store = backend.Store;
        var experiments = new List<Experiment>();
        string? token = null;
        do
        {
            var page = await store.SearchExperimentsAsync(new ExperimentQuery(ViewType: view, OrderBy: ["experiment_id"], PageToken: token), ct);
            experiments.AddRange(page.Items);
            token = page.NextPageToken;
        }
        while (token is not null);

        IReadOnlyList<string> headers = ["id", "name", "stage", "created (UTC)", "artifact location"];
        DataViewWriter.Write(new DataView(headers, experiments.Select(e => (IReadOnlyList<string>)
        [
            e.ExperimentId,
            e.Name,
            e.LifecycleStage.ToMlflowName(),
            DateTimeOffset.FromUnixTimeMilliseconds(e.CreationTime).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            e.ArtifactLocation,
        ]).ToList(), w =>
        {
            w.WriteStartArray();
            foreach (var experiment in experiments)
            {
                EntityJson.WriteExperiment(w, experiment);
            }

            w.WriteEndArray();
        }), format);
        return ExitCodes.Success;
    }
}
