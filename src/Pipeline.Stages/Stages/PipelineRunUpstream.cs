using Pipeline.Stages.Running;
using Pipeline.Tracking.Entities;

namespace Pipeline.Stages.Stages;

/// <summary>The upstream result most stages start from: the pipeline run PrepareData left (its splits and dataset records).</summary>
internal sealed record PipelineRunUpstream(RunLocator Locator, Run PipelineRun)
{
    /// <summary>Finds the pipeline run of this pipeline file; missing, it names PrepareData as the stage to run first.</summary>
    public static async Task<PipelineRunUpstream> FindAsync(StageContext context, CancellationToken ct)
    {
        var locator = await RunLocator.ForAsync(context, ct);
        var pipelineRun = await locator.RequireLatestAsync(PipelineTags.RolePipeline, null, StageName.PrepareData, ct);
        return new PipelineRunUpstream(locator, pipelineRun);
    }
}
