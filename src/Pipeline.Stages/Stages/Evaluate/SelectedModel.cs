using System.Text.Json;
using Pipeline.Stages.Running;
using Pipeline.Stages.Stages.Select;
using Pipeline.Tracking.Entities;

namespace Pipeline.Stages.Stages.Evaluate;

/// <summary>What Evaluate and Package read from upstream: the selected model as the store records it (the pipeline run, its sweep run, the training classes).</summary>
internal sealed record SelectedModel(RunLocator Locator, Run PipelineRun, Run SweepRun, IReadOnlyList<double> ClassValues)
{
    /// <summary>Finds the sweep run with its selection; a sweep without a winner names Select as the stage to run first.</summary>
    public static async Task<SelectedModel> FindAsync(StageContext context, CancellationToken ct)
    {
        var (locator, pipelineRun, sweepRun) = await SweepUpstream.FindAsync(context, ct);
        if (sweepRun.Data.Tag(PipelineTags.BestRunId) is null)
            throw new PipelineException($"Sweep run {sweepRun.Info.RunId} has no selected model yet: run the Select stage first.");
        var classes = JsonSerializer.Deserialize<double[]>(sweepRun.Data.Tag(SelectStage.ClassValuesTag) ?? "[]") ?? [];
        return new SelectedModel(locator, pipelineRun, sweepRun, classes);
    }
}
