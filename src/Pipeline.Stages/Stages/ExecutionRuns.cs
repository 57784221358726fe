using Pipeline.Stages.Running;
using Pipeline.Tracking;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Runs.Liveness;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Stages;

/// <summary>
/// Finds the pipeline run of an execution (<see cref="PipelineExecution"/>): by its <c>pipeline.execution_id</c> tag, by the
/// id the store gave it (<see cref="PipelineExecution.PipelineRunId"/>), or, for an execution id that is itself a pipeline
/// run's id, that run (an explicit run id). Without an execution id, the newest finished pipeline run of the file,
/// unless another execution is in progress.
/// </summary>
internal sealed class ExecutionRuns(StageContext context, RunLocator locator)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>The execution's pipeline run whatever its status, or null when it has none yet.</summary>
    public async Task<Run?> FindAsync(string executionId, CancellationToken ct)
    {
        var filter = $"tags.`{PipelineTags.Role}` = '{PipelineTags.RolePipeline}' and tags.`{PipelineTags.ExecutionId}` = '{executionId}'";
        var page = await context.Store.SearchRunsAsync(new RunQuery([locator.ExperimentId], filter, MaxResults: 1, OrderBy: ["attributes.start_time DESC"]), ct);
        if (page.Items.FirstOrDefault() is { } tagged)
            return tagged;
        return await TryGetPipelineRunAsync(PipelineExecution.PipelineRunId(locator.ExperimentId, locator.PipelineFile, executionId), ct)
            ?? (executionId.Length == 32 ? await TryGetPipelineRunAsync(executionId.ToLowerInvariant(), ct) : null);
    }

    /// <summary>
    /// The finished pipeline run the stage reads: the execution's, or (no execution named) the newest of the file when
    /// unambiguous. Missing or unusable, an error saying which stage or option to use.
    /// </summary>
    public async Task<Run> RequireAsync(CancellationToken ct)
    {
        if (context.Options.ExecutionId is { } executionId)
        {
            var run = await FindAsync(executionId, ct)
                ?? throw new PipelineException(
                    $"Execution '{executionId}' has no pipeline run for {locator.PipelineFile} in experiment {locator.ExperimentId}: run the {StageName.PrepareData} stage with the same --execution-id first.");
            run = await WaitWhileCreatedAsync(run, ct);
            return run.Info.Status == RunStatus.Finished
                ? run
                : throw new PipelineException($"The pipeline run {run.Info.RunId} of execution '{executionId}' is {run.Info.Status.ToMlflowName()}: its {StageName.PrepareData} did not finish; start a new execution.");
        }
        await RequireNoOtherExecutionAsync(ct);
        return await locator.RequireLatestAsync(PipelineTags.RolePipeline, null, StageName.PrepareData, ct);
    }

    /// <summary>
    /// Waits while another process is still creating the execution's pipeline run (two jobs of one execution starting at
    /// once: one creates it, the other waits for it), until it ends or its owner is found dead.
    /// </summary>
    public async Task<Run> WaitWhileCreatedAsync(Run run, CancellationToken ct)
    {
        var liveness = new RunLiveness(Environment.MachineName, new SystemProcessTable(), context.Liveness.Timeout);
        while (run.Info.Status == RunStatus.Running)
        {
            if (liveness.DeathReason(run, context.Time.GetUtcNow()) is { } reason)
                throw new PipelineException($"The pipeline run {run.Info.RunId} of this execution was left RUNNING: {reason}; start a new execution.");
            await Task.Delay(PollInterval, context.Time, ct);
            run = await context.Store.GetRunAsync(run.Info.RunId, ct);
        }
        return run;
    }

    /// <summary>
    /// Without an execution id a stage takes the newest pipeline run of the file; with another process's pipeline runs
    /// still RUNNING in the experiment that guess could take the wrong one, so it refuses and names the option instead.
    /// </summary>
    private async Task RequireNoOtherExecutionAsync(CancellationToken ct)
    {
        var filter = $"attributes.status = 'RUNNING' and tags.`{PipelineTags.PipelineFile}` = '{locator.PipelineFile.Replace("'", "''", StringComparison.Ordinal)}'";
        var running = await context.Store.SearchRunsAsync(new RunQuery([locator.ExperimentId], filter, MaxResults: 50), ct);
        var self = RunOwner.Current().ToString();
        var liveness = new RunLiveness(Environment.MachineName, new SystemProcessTable(), context.Liveness.Timeout);
        var other = running.Items.FirstOrDefault(r => r.Data.Tag(LivenessTags.Owner) is { } owner && owner != self
            && liveness.DeathReason(r, context.Time.GetUtcNow()) is null);
        if (other is not null)
            throw new PipelineException(
                $"Another execution of {locator.PipelineFile} is in progress (run {other.Info.RunId}, owner {other.Data.Tag(LivenessTags.Owner)}), so " +
                $"'the newest execution' is ambiguous: name the one to use with --execution-id (or {PipelineExecution.Variable}).");
    }

    private async Task<Run?> TryGetPipelineRunAsync(string runId, CancellationToken ct)
    {
        try
        {
            var run = await context.Store.GetRunAsync(runId, ct);
            return run.Info.ExperimentId == locator.ExperimentId && run.Info.LifecycleStage == LifecycleStage.Active
                && run.Data.Tag(PipelineTags.Role) == PipelineTags.RolePipeline ? run : null;
        }
        catch (TrackingException e) when (e.Code == ErrorCode.ResourceDoesNotExist)
        {
            return null;
        }
    }
}
