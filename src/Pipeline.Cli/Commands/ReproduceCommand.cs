using System.CommandLine;
using Pipeline.Stages.Reproduction;
using Pipeline.Stages.Running;
using Pipeline.Tracking.Runs;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline reproduce RUN_ID [--tracking-uri U] [--data PATH] [--test-data PATH] [--repo PATH] [--tolerance X] [--keep]</c>:
/// re-runs what produced a run from its recorded commit and data and compares the results. Exit 0 reproduced, 4 not, 1 error.
/// </summary>
internal static class ReproduceCommand
{
    public static Command Create(TimeProvider time)
    {
        var runId = new Argument<string>("run-id") { Description = "The pipeline, sweep, trial or evaluation run to reproduce." };
        var trackingUri = CommonOptions.TrackingUri();
        var data = new Option<string?>("--data") { Description = "A copy of the run's data file at another place (checked by its recorded digest)." };
        var testData = new Option<string?>("--test-data") { Description = "The same for a pinned test file (data.test_path)." };
        var repo = new Option<string?>("--repo") { Description = "The git repository holding the run's commit. Default: the current directory's, else the pipeline file's." };
        var tolerance = new Option<double>("--tolerance")
        {
            Description = "Largest absolute metric difference accepted. Default 0: bit for bit.",
            DefaultValueFactory = _ => 0,
        };
        var keep = new Option<string?>("--keep") { Description = "Make the scratch store and its reports in this folder and keep them (the worktree is always removed). Default: a temporary folder, removed." };
        var command = new Command("reproduce", "Re-run what produced a run, from its recorded commit and data, and compare every param and metric.")
        {
            runId, trackingUri, data, testData, repo, tolerance, keep,
        };
        command.SetAction(async (parse, ct) =>
        {
            var options = new ReproduceOptions(parse.GetValue(runId)!, parse.GetValue(trackingUri), parse.GetValue(data), parse.GetValue(testData),
                parse.GetValue(repo), parse.GetValue(tolerance), parse.GetValue(keep));
            if (options.Tolerance < 0 || double.IsNaN(options.Tolerance))
            {
                Console.Error.WriteLine("error: --tolerance must be 0 or more.");
                return ExitCodes.Usage;
            }

            return await RunAsync(options, time, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(ReproduceOptions options, TimeProvider time, CancellationToken ct)
    {
        var reporter = new ConsoleStageReporter(Console.Out, Console.Error);
        using var guard = new RunInterruptGuard();
        try
        {
            var report = await new RunReproducer(reporter, time, guard: guard).ReproduceAsync(options, ct);
            Console.Out.Write(RunReproducer.ToMarkdown(report));
            return report.Verdict == ReproductionVerdict.Reproduced ? ExitCodes.Success : ExitCodes.NotReproduced;
        }
        catch (PipelineException e)
        {
            reporter.Error($"reproduce: {e.Message}");
            return ExitCodes.Error;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            reporter.Error("reproduce: interrupted.");
            return ExitCodes.Error;
        }
    }
}
