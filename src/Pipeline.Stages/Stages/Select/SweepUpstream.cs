using Pipeline.Stages.Running;
using Pipeline.Tracking.Entities;

namespace Pipeline.Stages.Stages.Select;

/// <summary>What Select reads from upstream: the pipeline run (training split) and the sweep run under it.</summary>
internal sealed record SweepUpstream(RunLocator Locator, Run PipelineRun, Run SweepRun)
{
    /// <summary>Finds the sweep of this pipeline's run; missing, it names Sweep as the stage to run first.</summary>
    public static async Task<SweepUpstream> FindAsync(StageContext context, CancellationToken ct)
    {
        var (locator, pipelineRun) = await PipelineRunUpstream.FindAsync(context, ct);
        await PendingSweepCheck.ThrowIfPendingAsync(context, locator, pipelineRun.Info.RunId, ct);
        var sweepRun = await locator.RequireLatestAsync(PipelineTags.RoleSweep, pipelineRun.Info.RunId, StageName.Sweep, ct);
        return new SweepUpstream(locator, pipelineRun, sweepRun);
    }
}
