using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Pipeline.Serving.Hosting;
using Pipeline.Stages.Running;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline serve &lt;model&gt;</c>: the MLflow-compatible scoring server in the foreground, for a model directory or a
/// <c>models:/name@alias</c>, <c>models:/name/3</c> or <c>runs:/id/model</c> URI, until Ctrl+C.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "Model directory, models:/<name>@<alias>, models:/<name>/<version>, runs:/<run id>/<path>, or a model folder in an artifact store (s3://..., wasbs://...)." };
        var port = new Option<int>("--port") { Description = "TCP port.", DefaultValueFactory = _ => 5080 };
        var host = new Option<string>("--host") { Description = "Address to listen on (0.0.0.0 for every interface).", DefaultValueFactory = _ => "127.0.0.1" };
        var logFormat = new Option<string>("--log-format") { Description = "Log lines: auto (plain on a terminal, JSON when redirected), plain or json.", DefaultValueFactory = _ => "auto" };
        logFormat.AcceptOnlyFromAmong("auto", "plain", "json");
        var trackingUri = CommonOptions.TrackingUri();
        trackingUri.Description = "Tracking store for models:/ and runs:/ URIs; default MLFLOW_TRACKING_URI, then sqlite:///mlruns.db.";
        var logPredictions = new Option<string?>("--log-predictions") { Description = "Log every answered row: a folder for rotated JSON Lines files, or 'tracking' for one inference run per period in the tracking store." };
        var logInputs = new Option<string>("--log-inputs") { Description = "full: log each row's inputs; hash: only their sha256.", DefaultValueFactory = _ => "full" };
        logInputs.AcceptOnlyFromAmong("full", "hash");
        var logSample = new Option<double>("--log-sample") { Description = "Share of requests logged (0.1 = one in ten, sticky per request id).", DefaultValueFactory = _ => 1 };
        var logQueueRows = new Option<int>("--log-queue-rows") { Description = "Rows queued for the log before new ones are dropped (bounds memory and what a kill -9 loses).", DefaultValueFactory = _ => 10_000 };
        var logPeriod = new Option<double>("--log-period-seconds") { Description = "With --log-predictions tracking: seconds per inference run.", DefaultValueFactory = _ => 300 };
        var logExperiment = new Option<string>("--log-experiment") { Description = "With --log-predictions tracking: the experiment of the inference runs.", DefaultValueFactory = _ => "inference" };
        var challenger = new Option<string?>("--challenger") { Description = "A second model (e.g. models:/<name>@challenger) answering --split of the requests, or scoring all of them with --shadow." };
        var split = new Option<double>("--split") { Description = "Share of requests the challenger answers, sticky per --sticky-header.", DefaultValueFactory = _ => 0.1 };
        var shadow = new Option<bool>("--shadow") { Description = "The challenger scores every request after the champion answered it; only the log sees its predictions." };
        var stickyHeader = new Option<string>("--sticky-header") { Description = "Request header whose value decides champion or challenger.", DefaultValueFactory = _ => "X-Request-Id" };
        var command = new Command("serve", "Serve a model over MLflow's scoring protocol (/invocations, /ping, /health, /version, /metrics).")
        {
            model, port, host, trackingUri, logFormat, logPredictions, logInputs, logSample, logQueueRows, logPeriod, logExperiment,
            challenger, split, shadow, stickyHeader,
        };
        command.SetAction(async (parse, ct) =>
        {
            var options = new ScoringServerOptions
            {
                ModelUri = parse.GetValue(model),
                Port = parse.GetValue(port),
                Host = parse.GetValue(host)!,
                TrackingUri = parse.GetValue(trackingUri),
                LogFormat = parse.GetValue(logFormat)!,
                Challenger = parse.GetValue(challenger),
                Split = parse.GetValue(split),
                Shadow = parse.GetValue(shadow),
                StickyHeader = parse.GetValue(stickyHeader)!,
                PredictionLog = new Serving.PredictionLog.PredictionLogOptions
                {
                    Target = parse.GetValue(logPredictions),
                    Inputs = parse.GetValue(logInputs)!,
                    Sample = parse.GetValue(logSample),
                    QueueRows = parse.GetValue(logQueueRows),
                    PeriodSeconds = parse.GetValue(logPeriod),
                    Experiment = parse.GetValue(logExperiment)!,
                },
            };
            try
            {
                await using var app = ScoringApp.Build([], options);
                await app.StartAsync(ct);
                Console.Out.WriteLine($"Serving {options.ModelUri} at http://{options.Host}:{options.Port} (Ctrl+C to stop).");
                await app.WaitForShutdownAsync(ct);
                return ExitCodes.Success;
            }
            catch (IOException e) when (PortInUse.Is(e))
            {
                Console.Error.WriteLine($"error: {PortInUse.Message(options.Host, options.Port, "--port")}");
                return ExitCodes.Error;
            }
            catch (ScoringStartupException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.Error;
            }
        });
        return command;
    }
}
