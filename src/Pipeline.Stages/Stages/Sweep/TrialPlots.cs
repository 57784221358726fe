using Pipeline.Ml.Reports;
using Pipeline.Ml.Training;
using Pipeline.Stages.Spec;
using Pipeline.Tracking.Runs;

namespace Pipeline.Stages.Stages.Sweep;

/// <summary>The plots a trial logs: for classifiers, the confusion matrix of its out-of-fold predictions.</summary>
internal static class TrialPlots
{
    public const string ConfusionMatrixFile = "confusion_matrix.png";

    public static async Task LogAsync(ActiveRun run, CrossValidationResult cv, TaskKind task, CancellationToken ct)
    {
        if (!task.IsClassification())
            return;
        using var scratch = new ScratchFolder("trial");
        var png = new ConfusionMatrixWriter().Write(cv.OutOfFoldPredictions(), scratch.File(ConfusionMatrixFile), "Confusion matrix (out-of-fold)");
        await run.LogArtifactAsync(png, null, ct);
    }
}
