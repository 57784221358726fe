using System.CommandLine;
using Pipeline.Cli.Listing;
using Pipeline.Stages.Promotion;
using Pipeline.Stages.Running;
using Pipeline.Tracking.Registry;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline models promote NAME --from-alias challenger --to-alias champion --metric roc_auc [--min-absolute-change X]
/// [--min-relative-change Y] [--lower-is-better]</c>: moves the alias (and the image's registry tag) only when the
/// candidate's evaluation beats the current holder's; exit 3 when it does not, as a failed gate.
/// </summary>
internal static class PromoteCommand
{
    public static Command Create(TimeProvider time)
    {
        var name = new Argument<string>("name") { Description = "The registered model." };
        var from = new Option<string>("--from-alias") { Description = "The candidate's alias.", DefaultValueFactory = _ => "challenger" };
        var to = new Option<string>("--to-alias") { Description = "The alias to move.", DefaultValueFactory = _ => "champion" };
        var metrics = new Option<string[]>("--metric")
        {
            Description = "An evaluation metric the candidate must beat the current holder on (repeat for several), e.g. roc_auc.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var absolute = new Option<double?>("--min-absolute-change") { Description = "MLflow's min_absolute_change: the candidate must be better by more than this." };
        var relative = new Option<double?>("--min-relative-change") { Description = "MLflow's min_relative_change: better by more than this fraction of the holder's value." };
        var lower = new Option<bool>("--lower-is-better") { Description = "The metrics are losses (MLflow's greater_is_better=False)." };
        var trackingUri = CommonOptions.TrackingUri();
        var command = new Command("promote", "Move an alias to a better-evaluated version, with its image's registry tag.")
            { name, from, to, metrics, absolute, relative, lower, trackingUri };
        command.SetAction((parse, ct) => ListingRunner.RunAsync(async () =>
        {
            var thresholds = parse.GetValue(metrics)!.Select(m => new MetricThreshold(m, parse.GetValue(absolute), parse.GetValue(relative), !parse.GetValue(lower))).ToList();
            var user = Environment.GetEnvironmentVariable("GITHUB_ACTOR") ?? Environment.GetEnvironmentVariable("USER") ?? Environment.UserName;
            await using var backend = TrackingStoreLocator.Open(TrackingStoreLocator.ResolveUri(parse.GetValue(trackingUri)));
            var (store, registry) = (backend.Store, backend.Registry);
            try
            {
                var outcome = await new ModelPromoter(store, registry, new ConsoleStageReporter(Console.Out, Console.Error), time, Environment.GetEnvironmentVariable)
                    .PromoteAsync(new PromotionRequest(parse.GetValue(name)!, parse.GetValue(from)!, parse.GetValue(to)!, thresholds, user), ct);
                return outcome.Promoted ? ExitCodes.Success : ExitCodes.GateFailed;
            }
            catch (PipelineException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.Error;
            }
        }, Console.Error));
        return command;
    }
}
