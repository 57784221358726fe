using Pipeline.Stages.Running;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Sweeps;

namespace Pipeline.Stages.Stages.Select;

/// <summary>
/// Select must not pick a winner from part of a shared sweep: while the pipeline run's newest sweep still has trials queued
/// or running on its workers, it refuses and says how many.
/// </summary>
internal static class PendingSweepCheck
{
    public static async Task ThrowIfPendingAsync(StageContext context, RunLocator locator, string pipelineRunId, CancellationToken ct)
    {
        if (context.Store is not ITrialQueueProvider provider)
            return;
        var filter = $"tags.`{PipelineTags.Role}` = '{PipelineTags.RoleSweep}' and tags.`{SystemTags.ParentRunId}` = '{pipelineRunId}' and attributes.status = 'RUNNING'";
        var page = await context.Store.SearchRunsAsync(new RunQuery([locator.ExperimentId], filter, MaxResults: 1, OrderBy: ["attributes.start_time DESC"]), ct);
        if (page.Items.FirstOrDefault() is not { } sweepRun || sweepRun.Data.Tag(PipelineTags.SweepId) is not { } sweepId)
            return;
        TrialCounts counts;
        try
        {
            counts = await provider.TrialQueue.CountAsync(sweepId, ct);
        }
        catch (TrialQueueUnavailableException)
        {
            return;
        }

        if (counts.Pending)
        {
            throw new PipelineException(
                $"Select: sweep {sweepId} (run {sweepRun.Info.RunId}) still has {counts.Queued} queued and {counts.Running} running trials "
                + $"on {counts.ActiveWorkers} worker{(counts.ActiveWorkers == 1 ? "" : "s")} ({counts.Done} done); run select once every sweep worker has finished.");
        }
    }
}
