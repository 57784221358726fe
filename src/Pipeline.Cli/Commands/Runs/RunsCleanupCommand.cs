using System.CommandLine;
using Pipeline.Cli.Listing;
using Pipeline.Cli.Output;
using Pipeline.Stages.Running;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Metadata;
using Pipeline.Tracking.Runs.Liveness;
using Pipeline.Tracking.Stores;

namespace Pipeline.Cli.Commands.Runs;

/// <summary>
/// <c>pipeline runs cleanup [--experiment NAME_OR_ID]... [--dry-run] [--output table|json|csv]</c>: ends every RUNNING run whose
/// owner is dead (its process gone on this host, or no heartbeat for <c>PIPELINE_HEARTBEAT_TIMEOUT</c>) as FAILED with
/// <c>pipeline.failure_reason</c>; what every stage also does at its start. Runs without an owner tag are left alone.
/// </summary>
internal static class RunsCleanupCommand
{
    public static Command Create(TimeProvider time)
    {
        var trackingUri = CommonOptions.TrackingUri();
        var experiments = new Option<string[]>("--experiment", "-e")
        {
            Description = "Experiment name or id; repeat for more. Default: every active experiment.",
            AllowMultipleArgumentsPerToken = false,
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "List the dead runs without ending them." };
        var output = OutputOption.Create();
        var command = new Command("cleanup", "End RUNNING runs whose owner process died (kill -9, a lost machine) as FAILED, with the reason.")
            { experiments, dryRun, output, trackingUri };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            var environment = new ProcessEnvironmentVariables();
            LivenessOptions liveness;
            try
            {
                liveness = LivenessOptions.From(environment);
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.Usage;
            }

            await using var session = StoreSession.Open(parse.GetValue(trackingUri), environment);
            var ids = await ExperimentIdsAsync(session, parse.GetValue(experiments) ?? [], ct);
            var dead = await DeadRunReaper.For(session.Tracking, liveness, time).ReapAsync(ids, parse.GetValue(dryRun), ct);
            Write(dead, OutputOption.Parse(parse.GetValue(output)), parse.GetValue(dryRun));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static async Task<IReadOnlyList<string>> ExperimentIdsAsync(StoreSession session, string[] named, CancellationToken ct)
    {
        var ids = new List<string>();
        foreach (var name in named)
            ids.Add((await ExperimentResolver.ResolveAsync(session.Tracking, name, session.Uri, ct)).ExperimentId);
        if (named.Length > 0)
            return ids;
        string? token = null;
        do
        {
            var page = await session.Tracking.SearchExperimentsAsync(new ExperimentQuery(PageToken: token), ct);
            ids.AddRange(page.Items.Select(e => e.ExperimentId));
            token = page.NextPageToken;
        }
        while (token is not null);
        return ids;
    }

    private static void Write(IReadOnlyList<DeadRun> dead, OutputFormat format, bool dryRun)
    {
        string Outcome(DeadRun d) => dryRun ? "dead (dry run)" : d.Ended ? "ended FAILED" : "ended meanwhile by its owner";
        DataViewWriter.Write(new DataView(
            ["run_id", "experiment_id", "run_name", "outcome", "reason"],
            [.. dead.Select(d => (IReadOnlyList<string>)[d.Run.Info.RunId, d.Run.Info.ExperimentId, d.Run.Info.RunName, Outcome(d), d.Reason])],
            w =>
            {
                w.WriteStartArray();
                foreach (var d in dead)
                {
                    w.WriteStartObject();
                    w.WriteString("run_id", d.Run.Info.RunId);
                    w.WriteString("experiment_id", d.Run.Info.ExperimentId);
                    w.WriteString("run_name", d.Run.Info.RunName);
                    w.WriteBoolean("ended", d.Ended);
                    w.WriteString(LivenessTags.FailureReason, d.Reason);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }), format);
        if (format == OutputFormat.Table)
            Console.Error.WriteLine(dead.Count == 0 ? "No dead runs." : $"{dead.Count} dead run(s){(dryRun ? "; nothing changed (--dry-run)" : " ended FAILED")}.");
    }
}
