using System.CommandLine;
using System.Globalization;
using Pipeline.Cli.Listing;
using Pipeline.Cli.Output;
using Pipeline.Ml.Models;
using Pipeline.Stages.Monitoring;
using Pipeline.Stages.Running;
using Pipeline.Tracking.Composition;
using Pipeline.Tracking.Metadata;
using Pipeline.Tracking.Stores;

namespace Pipeline.Cli.Commands.Monitor;

/// <summary>
/// <c>pipeline monitor drift --model M --log DIR|tracking [--since T] [--until T] [--fail-on "psi &gt; 0.2"] [--report DIR]</c>:
/// compares the logged inputs with the model's training profile (<see cref="DriftMonitor"/>), prints the figures, writes the
/// reports and records a monitoring run; exit 3 when a <c>--fail-on</c> condition is met, as a failed gate.
/// </summary>
internal static class MonitorDriftCommand
{
    public static Command Create(TimeProvider time)
    {
        var model = new Option<string>("--model", "-m") { Description = "The served model: a model directory, models:/NAME@ALIAS or models:/NAME/VERSION.", Required = true };
        var log = new Option<string>("--log") { Description = "The prediction log: the folder of pipeline serve --log-predictions DIR, or 'tracking' for its inference runs.", Required = true };
        var since = new Option<string?>("--since") { Description = "Rows logged at or after this time: 2026-12-01, 2026-12-01T08:00:00Z (UTC unless an offset is given), or an age such as 24h, 7d." };
        var until = new Option<string?>("--until") { Description = "Rows logged before this time (same forms as --since)." };
        var failOn = new Option<string[]>("--fail-on")
        {
            Description = "Exit 3 when this holds, e.g. \"psi > 0.2\" (any feature), \"ks.mean_area > 0.3\", \"prediction_psi > 0.1\"; repeat for several.",
        };
        var report = new Option<string>("--report") { Description = "Folder for drift_report.html and drift_report.md.", DefaultValueFactory = _ => Path.Combine("out", "drift") };
        var logExperiment = new Option<string>("--log-experiment") { Description = "With --log tracking: the experiment of the inference runs.", DefaultValueFactory = _ => "inference" };
        var experiment = new Option<string>("--experiment") { Description = "The experiment the monitoring run is recorded in.", DefaultValueFactory = _ => "monitoring" };
        var output = OutputOption.Create();
        var trackingUri = CommonOptions.TrackingUri();
        var command = new Command("drift", "Compare logged inputs and predictions with the model's training profile: PSI and Kolmogorov-Smirnov per feature.")
        {
            model, log, since, until, failOn, report, output, logExperiment, experiment, trackingUri,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            var now = time.GetUtcNow();
            if (!TryTime(parse.GetValue(since), "--since", now, out var from) || !TryTime(parse.GetValue(until), "--until", now, out var to))
                return ExitCodes.Usage;
            if (from is { } start && to is { } end && end <= start)
                return CommandRunner.Usage(string.Create(CultureInfo.InvariantCulture,
                    $"--until ({end.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC) must come after --since ({start.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC)."));
            var conditions = new List<DriftCondition>();
            foreach (var text in parse.GetValue(failOn) ?? [])
            {
                if (!DriftCondition.TryParse(text, out var condition, out var error))
                    return CommandRunner.Usage(error!);
                conditions.Add(condition!);
            }

            var check = new DriftCheck(parse.GetValue(model)!, parse.GetValue(log)!, new LogWindow(from, to), conditions, parse.GetValue(report)!,
                parse.GetValue(logExperiment)!, parse.GetValue(experiment)!);
            var format = OutputOption.Parse(parse.GetValue(output));
            await using var backend = OpenStore(parse.GetValue(trackingUri), check.NeedsStore);
            try
            {
                var outcome = await new DriftMonitor(time, new ProcessEnvironmentVariables()).RunAsync(check, backend, ct);
                DriftOutput.Write(outcome, format);
                return outcome.Report.Passed ? ExitCodes.Success : ExitCodes.GateFailed;
            }
            catch (DriftConditionException e)
            {
                return CommandRunner.Usage(e.Message);
            }
            catch (Exception e) when (e is PipelineException or ModelFormatException)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.Error;
            }
        }));
        return command;
    }

    private static bool TryTime(string? text, string option, DateTimeOffset now, out DateTimeOffset? time)
    {
        time = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!LogWindow.TryParseTime(text, now, option, out var parsed, out var error))
        {
            CommandRunner.Usage(error!);
            return false;
        }

        time = parsed;
        return true;
    }

    /// <summary>
    /// The store when the model or the log lives there, or else when one exists: without one the check still runs and says
    /// that no monitoring run was recorded, rather than creating an empty <c>mlruns.db</c>.
    /// </summary>
    private static TrackingBackend? OpenStore(string? option, bool required)
    {
        var uri = TrackingStoreLocator.ResolveUri(option);
        if (!required && uri.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) && !File.Exists(SqliteTrackingStore.PathFromUri(uri)))
        {
            Console.Error.WriteLine($"note: no tracking database at {Path.GetFullPath(SqliteTrackingStore.PathFromUri(uri))}: the figures are not recorded as a monitoring run (pass --tracking-uri).");
            return null;
        }

        return TrackingStoreLocator.Open(uri);
    }
}
