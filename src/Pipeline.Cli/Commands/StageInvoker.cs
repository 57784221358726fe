using Pipeline.Stages.Running;
using Pipeline.Tracking.Runs;

namespace Pipeline.Cli.Commands;

/// <summary>Runs stages in order and turns their outcome into the shared exit codes, printing user errors without stack traces.</summary>
internal static class StageInvoker
{
    public static async Task<int> RunAsync(IEnumerable<StageName> stages, StageOptions options, TimeProvider time, CancellationToken ct)
    {
        var reporter = new ConsoleStageReporter(Console.Out, Console.Error);
        // On Ctrl+C or SIGTERM the runs this process opened are ended as KILLED, never left RUNNING.
        using var guard = new RunInterruptGuard();
        var runner = new PipelineRunner(reporter, time, guard: guard);
        foreach (var stage in stages)
        {
            try
            {
                var result = await runner.RunAsync(stage, options, ct);
                if (result.Outcome == StageOutcome.GateFailed)
                {
                    reporter.Error(result.Summary);
                    return ExitCodes.GateFailed;
                }
            }
            catch (PipelineException e)
            {
                reporter.Error(e.Message);
                return ExitCodes.Error;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                reporter.Error($"{stage}: interrupted.");
                return ExitCodes.Error;
            }
        }
        return ExitCodes.Success;
    }
}
