using Pipeline.Stages.Running;
using Pipeline.Tracking.Entities;

namespace Pipeline.Stages.Stages;

/// <summary>The upstream result most stages start from: the pipeline run PrepareData left (its splits and dataset records).</summary>
internal sealed record PipelineRunUpstream(RunLocator Locator, Run PipelineRun)
{
    /// <summary>
    /// Finds the pipeline run of this execution (<see cref="ExecutionRuns.RequireAsync"/>): never "the latest in the experiment"
    /// when an execution is named; missing, it names PrepareData as the stage to run first.
    /// </summary>
    public static async Task<PipelineRunUpstream> FindAsync(StageContext context, CancellationToken ct)
    {
        var locator = await RunLocator.ForAsync(context, ct);
        var pipelineRun = await new ExecutionRuns(context, locator).RequireAsync(ct);
        return new PipelineRunUpstream(locator, pipelineRun);
    }
}
