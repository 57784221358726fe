using System.CommandLine;
using Pipeline.Cli.Listing;
using Pipeline.Cli.Output;
using Pipeline.Stages.Running;
using Pipeline.Tracking.Entities;
using Spectre.Console;

namespace Pipeline.Cli.Commands.Runs;

/// <summary>
/// <c>pipeline runs compare RUN_ID RUN_ID... [--all-params]</c>: one column per run, the first the baseline; rows for
/// the params that differ and for every metric, later runs showing their difference from the baseline. On a terminal a
/// difference is green when it is better and red when worse by the experiment's selection direction (for the selection
/// metric; other metrics have no known direction and stay plain), and differing params are yellow.
/// </summary>
internal static class RunsCompareCommand
{
    public static Command Create()
    {
        var trackingUri = CommonOptions.TrackingUri();
        var output = OutputOption.Create();
        var runIds = new Argument<string[]>("run-id") { Description = "Two or more run ids; the first is the baseline.", Arity = ArgumentArity.OneOrMore };
        var allParams = new Option<bool>("--all-params") { Description = "Show every param, not only those that differ." };
        var command = new Command("compare", "Compare runs side by side: params that differ, metrics with their difference from the first run.") { runIds, allParams, output, trackingUri };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            var ids = parse.GetValue(runIds)!;
            if (ids.Length < 2)
                return CommandRunner.Usage("runs compare needs at least two run ids.");
            await using var session = StoreSession.Open(parse.GetValue(trackingUri));
            var runs = new List<Run>();
            foreach (var id in ids)
                runs.Add(await RunLookup.GetAsync(session, id, ct));
            var selection = await SelectionMetric.FindAsync(session.Tracking, runs[0].Info.ExperimentId, runs, ct);
            var comparison = new RunComparison(runs, selection, parse.GetValue(allParams));
            DataViewWriter.Write(View(comparison), OutputOption.Parse(parse.GetValue(output)));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static DataView View(RunComparison comparison)
    {
        var runs = comparison.Runs;
        IReadOnlyList<string> headers = ["field", .. runs.Select((r, i) => $"{r.Info.RunName} ({r.Info.RunId[..Math.Min(8, r.Info.RunId.Length)]})" + (i == 0 ? " baseline" : ""))];
        var rows = new List<IReadOnlyList<string>>
        {
            (IReadOnlyList<string>)["run id", .. runs.Select(r => r.Info.RunId)],
            (IReadOnlyList<string>)["status", .. runs.Select(r => r.Info.Status.ToMlflowName())],
        };
        rows.AddRange(comparison.Params.Select(p => (IReadOnlyList<string>)[$"params.{p.Key}", .. p.Values.Select(v => v ?? "")]));
        rows.AddRange(comparison.Metrics.Select(m => (IReadOnlyList<string>)[$"metrics.{m.Key}", .. m.Values.Select((v, i) => MetricCell(v, m.Deltas[i], i))]));
        var firstMetricRow = rows.Count - comparison.Metrics.Count;
        return new DataView(headers, rows, w => WriteJson(w, comparison))
        {
            FixedColumns = 2,
            Style = (r, c) => c == 0 ? null
                : r >= 2 && r < firstMetricRow && comparison.Params[r - 2].Differs ? new Style(Color.Yellow)
                : r >= firstMetricRow ? DeltaStyle(comparison, comparison.Metrics[r - firstMetricRow], c - 1)
                : null,
        };
    }

    private static string MetricCell(double? value, double? delta, int index) =>
        value is not { } v ? "" : index == 0 || delta is not { } d ? Cells.Number(v) : $"{Cells.Number(v)} ({Cells.Delta(d)})";

    private static Style? DeltaStyle(RunComparison comparison, RunComparison.MetricRow metric, int run)
    {
        if (run == 0 || comparison.Selection is not { } selection || metric.Key != selection.Key || metric.Deltas[run] is not { } delta || delta == 0)
            return null;
        return (delta > 0) == selection.Maximize ? new Style(Color.Green) : new Style(Color.Red);
    }

    private static void WriteJson(System.Text.Json.Utf8JsonWriter w, RunComparison comparison)
    {
        w.WriteStartObject();
        w.WriteStartArray("runs");
        foreach (var run in comparison.Runs)
        {
            w.WriteStartObject();
            w.WriteString("run_id", run.Info.RunId);
            w.WriteString("run_name", run.Info.RunName);
            w.WriteString("experiment_id", run.Info.ExperimentId);
            w.WriteString("status", run.Info.Status.ToMlflowName());
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (comparison.Selection is { } selection)
        {
            w.WriteStartObject("selection_metric");
            w.WriteString("key", selection.Key);
            w.WriteString("direction", selection.Maximize ? "maximize" : "minimize");
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("selection_metric");
        }

        w.WriteStartArray("params");
        foreach (var param in comparison.Params)
        {
            w.WriteStartObject();
            w.WriteString("key", param.Key);
            w.WriteBoolean("differs", param.Differs);
            w.WriteStartArray("values");
            foreach (var value in param.Values)
                w.WriteStringValue(value);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("metrics");
        foreach (var metric in comparison.Metrics)
        {
            w.WriteStartObject();
            w.WriteString("key", metric.Key);
            WriteNumbers(w, "values", metric.Values);
            WriteNumbers(w, "deltas", metric.Deltas);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteNumbers(System.Text.Json.Utf8JsonWriter w, string name, IReadOnlyList<double?> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            if (value is not { } v)
                w.WriteNullValue();
            else if (double.IsFinite(v))
                w.WriteNumberValue(v);
            else
                w.WriteStringValue(double.IsNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
        }

        w.WriteEndArray();
    }
}
