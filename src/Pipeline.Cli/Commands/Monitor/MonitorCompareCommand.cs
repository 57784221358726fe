using System.CommandLine;
using Pipeline.Cli.Listing;
using Pipeline.Cli.Output;
using Pipeline.Ml.Data;
using Pipeline.Stages.Monitoring;
using Pipeline.Stages.Running;

namespace Pipeline.Cli.Commands.Monitor;

/// <summary>
/// <c>pipeline monitor compare --log DIR|tracking --labels labels.csv</c>: each model version's metrics on live traffic
/// (the prediction log joined with labels that arrived later) and a bootstrap interval of their difference.
/// </summary>
internal static class MonitorCompareCommand
{
    public static Command Create()
    {
        var log = new Option<string>("--log") { Description = "The prediction log: the folder --log-predictions DIR wrote, or 'tracking' for its inference runs.", Required = true };
        var labels = new Option<string>("--labels") { Description = "CSV of labels: a request id column, the label, and optionally 'row' (the row within the request).", Required = true };
        var idColumn = new Option<string>("--id-column") { Description = "The labels file's request id column.", DefaultValueFactory = _ => "request_id" };
        var labelColumn = new Option<string?>("--label-column") { Description = "The labels file's label column; default the one column besides the id and 'row'." };
        var task = new Option<string>("--task") { Description = "auto, binary_classification, multiclass_classification or regression.", DefaultValueFactory = _ => "auto" };
        task.AcceptOnlyFromAmong("auto", "binary_classification", "multiclass_classification", "regression");
        var metric = new Option<string?>("--metric") { Description = "The metric compared, by the evaluate stage's name; default accuracy_score (regression: root_mean_squared_error)." };
        var resamples = new Option<int>("--resamples") { Description = "Bootstrap resamples.", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "The bootstrap's random seed.", DefaultValueFactory = _ => 42 };
        var experiment = new Option<string>("--log-experiment") { Description = "With --log tracking: the experiment of the inference runs.", DefaultValueFactory = _ => "inference" };
        var trackingUri = CommonOptions.TrackingUri();
        var output = OutputOption.Create();
        var command = new Command("compare", "Each model version's metrics on live traffic (logged predictions joined with later labels by request id), with a bootstrap interval of the difference.")
        {
            log, labels, idColumn, labelColumn, task, metric, resamples, seed, experiment, trackingUri, output,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            if (parse.GetValue(resamples) < 1)
                return CommandRunner.Usage($"--resamples must be at least 1, got {parse.GetValue(resamples)}.");
            var labelsPath = parse.GetValue(labels)!;
            try
            {
                if (!File.Exists(labelsPath))
                    throw new FileNotFoundException($"the labels file '{labelsPath}' does not exist.");
                var (labelRows, empty) = LabelsFile.Read(labelsPath, parse.GetValue(idColumn)!, parse.GetValue(labelColumn));
                var reader = new LoggedPredictionReader();
                JoinResult join;
                if (parse.GetValue(log) == "tracking")
                {
                    await using var session = StoreSession.Open(parse.GetValue(trackingUri));
                    join = PredictionJoin.Join(await reader.ReadTrackingAsync(session.Tracking, session.Artifacts, parse.GetValue(experiment)!, ct), labelRows);
                }
                else
                {
                    join = PredictionJoin.Join(reader.ReadDirectory(parse.GetValue(log)!), labelRows);
                }

                var report = LiveComparison.Compare(join, new CompareOptions
                {
                    Task = ParseTask(parse.GetValue(task)),
                    Metric = parse.GetValue(metric),
                    Resamples = parse.GetValue(resamples),
                    Seed = parse.GetValue(seed),
                }, empty, reader.SkippedLines, reader.Sources);
                var format = OutputOption.Parse(parse.GetValue(output));
                DataViewWriter.Write(ComparisonView.Create(report), format);
                var notes = format == OutputFormat.Table ? Console.Out : Console.Error;
                if (format != OutputFormat.Json)
                    ComparisonView.WriteNotes(report, notes);
                return ExitCodes.Success;
            }
            catch (Exception e) when (e is DataFormatException or FileNotFoundException or DirectoryNotFoundException or InvalidOperationException)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.Error;
            }
        }));
        return command;
    }

    private static TaskKind? ParseTask(string? task) => task switch
    {
        "binary_classification" => TaskKind.Binary,
        "multiclass_classification" => TaskKind.Multiclass,
        "regression" => TaskKind.Regression,
        _ => null,
    };
}
