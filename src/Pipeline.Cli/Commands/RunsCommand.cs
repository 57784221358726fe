using System.CommandLine;
using Pipeline.Cli.Commands.Runs;
using Pipeline.Cli.Listing;
using Pipeline.Cli.Output;
using Pipeline.Stages.Running;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Search;
using Pipeline.Tracking.Stores;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline runs list --experiment NAME_OR_ID [--filter F] [--order-by K]... [--max-results 50] [--view active|deleted|all]</c>:
/// one page of an experiment's runs (active ones by default), in MLflow's search grammar, as a table with child runs under their parents.
/// </summary>
internal static class RunsCommand
{
    public static Command Create(TimeProvider time)
    {
        var trackingUri = CommonOptions.TrackingUri();
        var experiment = new Option<string>("--experiment", "-e") { Description = "Experiment name or id.", Required = true };
        var filter = new Option<string?>("--filter") { Description = "MLflow search filter, e.g. \"metrics.roc_auc > 0.9 and params.solver = 'lbfgs'\"." };
        var orderBy = new Option<string[]>("--order-by")
        {
            Description = "Order key such as \"metrics.roc_auc DESC\"; repeat for more keys. Then start time, newest first.",
            AllowMultipleArgumentsPerToken = false,
        };
        var maxResults = new Option<int>("--max-results")
        {
            Description = "At most this many runs (1 to 50000).",
            DefaultValueFactory = _ => 50,
        };
        var view = CommonOptions.View("runs");
        var output = OutputOption.Create();
        var list = new Command("list", "List an experiment's runs.") { experiment, filter, orderBy, maxResults, view, output, trackingUri };
        list.SetAction((parse, ct) => ListingRunner.RunAsync(() => ListAsync(
            TrackingStoreLocator.ResolveUri(parse.GetValue(trackingUri)), parse.GetValue(experiment)!, parse.GetValue(filter),
            parse.GetValue(orderBy) ?? [], parse.GetValue(maxResults), CommonOptions.ParseView(parse.GetValue(view)),
            OutputOption.Parse(parse.GetValue(output)), ct), Console.Error));
        return RunsSubcommands.AddTo(new Command("runs", "Work with runs.") { list }, time);
    }

    private static async Task<int> ListAsync(
        string uri, string experimentName, string? filter, string[] orderBy, int maxResults, ViewType view, OutputFormat format, CancellationToken ct)
    {
        // Parsed before the store is opened, so a typo is reported (with a caret) even when the store is unreachable.
        IReadOnlyList<FilterClause>? clauses = [];
        if (!string.IsNullOrWhiteSpace(filter) && !ListingRunner.TryParse(filter, SearchFilterParser.ParseRunFilter, Console.Error, out clauses))
        {
            return ExitCodes.Usage;
        }

        var order = new List<OrderByClause>();
        foreach (var key in orderBy)
        {
            if (!ListingRunner.TryParse(key, SearchFilterParser.ParseRunOrderBy, Console.Error, out var clause))
            {
                return ExitCodes.Usage;
            }

            order.Add(clause!);
        }

        await using var backend = TrackingStoreLocator.Open(uri);
        var store = backend.Store;
        var found = await ExperimentResolver.ResolveAsync(store, experimentName, uri, ct);
        var page = await store.SearchRunsAsync(new RunQuery([found.ExperimentId], filter, view, maxResults, orderBy), ct);
        // The selection metric leads the other metrics, so a terminal too narrow for all of them still shows it.
        var selection = await SelectionMetric.FindAsync(store, found.ExperimentId, page.Items, ct);
        var runs = new RunsTable(page.Items, clauses!, order, selection?.Key);
        var ordered = runs.Ordered();
        DataViewWriter.Write(new DataView(runs.Headers, runs.Rows(plain: format == OutputFormat.Csv), w =>
        {
            w.WriteStartArray();
            foreach (var (run, _) in ordered)
            {
                EntityJson.WriteRun(w, run);
            }

            w.WriteEndArray();
        })
        {
            FixedColumns = RunsTable.FixedColumns,
            Style = (r, c) => c == 2 ? RunsGetCommand.StatusStyle(ordered[r].Run.Info.Status) : null,
        }, format);
        if (page.NextPageToken is not null)
        {
            Console.Error.WriteLine($"note: more runs match; showing the first {maxResults} (raise --max-results).");
        }

        return ExitCodes.Success;
    }
}
