using System.CommandLine;
using Pipeline.Cli.Listing;
using Pipeline.Cli.Output;
using Pipeline.Stages.Running;
using Pipeline.Tracking.Entities;
using Spectre.Console;

namespace Pipeline.Cli.Commands.Runs;

/// <summary>
/// <c>pipeline runs get RUN_ID</c> (alias <c>describe</c>, MLflow's CLI name): a run's attributes, params, metrics and
/// tags; <c>--output json</c> prints what <c>mlflow runs describe</c> prints.
/// </summary>
internal static class RunsGetCommand
{
    public static Command Create()
    {
        var trackingUri = CommonOptions.TrackingUri();
        var output = OutputOption.Create();
        var runId = new Argument<string>("run-id") { Description = "Run id (32 hex characters)." };
        var command = new Command("get", "Show a run: attributes, params, metrics and tags.") { runId, output, trackingUri };
        command.Aliases.Add("describe");
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            await using var session = StoreSession.Open(parse.GetValue(trackingUri));
            var run = await RunLookup.GetAsync(session, parse.GetValue(runId)!, ct);
            DataViewWriter.Write(View(run), OutputOption.Parse(parse.GetValue(output)));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static DataView View(Run run)
    {
        var info = run.Info;
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "run id", info.RunId },
            new[] { "name", info.RunName },
            new[] { "experiment id", info.ExperimentId },
            new[] { "status", info.Status.ToMlflowName() },
            new[] { "lifecycle stage", info.LifecycleStage.ToMlflowName() },
            new[] { "user", info.UserId },
            new[] { "start time (UTC)", Cells.Time(info.StartTime) },
            new[] { "end time (UTC)", info.EndTime is { } end ? Cells.Time(end) : "" },
            new[] { "duration", info.EndTime is { } e ? RunsTable.Duration(e - info.StartTime) : "" },
            new[] { "artifact uri", info.ArtifactUri },
        };
        rows.AddRange(run.Data.Params.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (IReadOnlyList<string>)[$"params.{p.Key}", p.Value]));
        rows.AddRange(run.Data.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => (IReadOnlyList<string>)[$"metrics.{m.Key}", Cells.Number(m.Value)]));
        rows.AddRange(run.Data.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (IReadOnlyList<string>)[$"tags.{t.Key}", t.Value]));
        return new DataView(["field", "value"], rows, w => EntityJson.WriteRun(w, run))
        {
            Style = (r, c) => c == 1 && r == 3 ? StatusStyle(info.Status) : null,
        };
    }

    /// <summary>FINISHED green, FAILED and KILLED red, RUNNING yellow.</summary>
    public static Style? StatusStyle(RunStatus status) => status switch
    {
        RunStatus.Finished => new Style(Color.Green),
        RunStatus.Failed or RunStatus.Killed => new Style(Color.Red),
        RunStatus.Running => new Style(Color.Yellow),
        _ => (Style?)null,
    };
}
