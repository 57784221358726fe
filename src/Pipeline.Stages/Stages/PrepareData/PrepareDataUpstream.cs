using Pipeline.Tracking.Entities;

namespace Pipeline.Stages.Stages.PrepareData;

/// <summary>What PrepareData reads: the experiment (through the locator) and the pipeline run its execution already has, if any.</summary>
internal sealed record PrepareDataUpstream(RunLocator Locator, ExecutionRuns Executions, Run? ExecutionRun);
