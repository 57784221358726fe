using Pipeline.Stages.Running;
using Pipeline.Tracking;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Stages.PrepareData;

/// <summary>
/// PrepareData's contract. Reads: the <c>data:</c> section and the CSV it names. Upstream: the experiment and the execution
/// (<see cref="PipelineExecution"/>). Fingerprint: the content hashes of the CSV (and of a pinned test file) and the data
/// section. Leaves: the execution's pipeline run (<c>pipeline_run_id</c>, tag <c>pipeline.execution_id</c>) with the dataset
/// records and the split files. Skip rule: the execution already has its pipeline run (another job of it made it: that one
/// is used, even with <c>--force</c>, since an execution has one); or the latest finished pipeline run of this file has the
/// same fingerprint, which the execution then adopts (tagged with its id, so its other jobs find it).
/// </summary>
internal sealed class PrepareDataContract : StageContract<PrepareDataUpstream>
{
    /// <inheritdoc/>
    public override StageName Name => StageName.PrepareData;

    /// <inheritdoc/>
    protected override async Task<PrepareDataUpstream> ReadUpstreamAsync(StageContext context, CancellationToken ct)
    {
        var locator = await RunLocator.ForAsync(context, ct);
        var executions = new ExecutionRuns(context, locator);
        var existing = context.Options.ExecutionId is { } id ? await executions.FindAsync(id, ct) : null;
        return new PrepareDataUpstream(locator, executions, existing);
    }

    /// <inheritdoc/>
    protected override Fingerprint FingerprintOf(StageContext context, PrepareDataUpstream upstream)
    {
        var data = context.Spec.Data;
        var fingerprint = Fingerprint.For(Name).AddFile("data", data.Path).AddJson("data", data.WithoutFolders());
        return data.TestPath is null ? fingerprint : fingerprint.AddFile("test_data", data.TestPath);
    }

    /// <inheritdoc/>
    protected override async Task<StageResult?> ShouldSkipAsync(StageContext context, PrepareDataUpstream upstream, Fingerprint fingerprint, CancellationToken ct)
    {
        if (upstream.ExecutionRun is { } own)
            return await ReuseAsync(context, upstream.Executions, own, ct);
        var previous = await upstream.Locator.LatestAsync(PipelineTags.RolePipeline, null, ct);
        if (!Matches(previous, PipelineTags.Fingerprint, fingerprint))
            return null;
        if (context.Options.ExecutionId is { } executionId)
            await context.Store.SetTagAsync(previous!.Info.RunId, new RunTag(PipelineTags.ExecutionId, executionId), ct);
        return Skipped(previous!, Outputs(previous!.Info.RunId));
    }

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, PrepareDataUpstream upstream, Fingerprint? fingerprint, CancellationToken ct)
    {
        if (upstream.ExecutionRun is { } own)
            return await ReuseAsync(context, upstream.Executions, own, ct);
        var locator = upstream.Locator;
        var executionId = context.Options.ExecutionId;
        var runId = executionId is null ? null : PipelineExecution.PipelineRunId(locator.ExperimentId, locator.PipelineFile, executionId);
        PrepareDataOutput output;
        try
        {
            output = await new PrepareDataStage(context.Tracking, context.Store, context.Reporter)
                .RunAsync(new PrepareDataInput(context.Spec.Data, locator.ExperimentId, locator.PipelineFile, executionId, runId), ct);
        }
        catch (TrackingException e) when (e.Code == ErrorCode.ResourceAlreadyExists && runId is not null)
        {
            // Another job of this execution created its pipeline run an instant before us: one execution, one run; use theirs.
            return await ReuseAsync(context, upstream.Executions, await context.Store.GetRunAsync(runId, ct), ct);
        }
        await RecordAsync(context, output.PipelineRunId, PipelineTags.Fingerprint, fingerprint, ct);
        return StageResult.Succeeded(Name, $"dataset {output.Digest}: {output.TrainRows} train / {output.TestRows} test rows",
            new Dictionary<string, string> { ["pipeline_run_id"] = output.PipelineRunId, ["digest"] = output.Digest });
    }

    private async Task<StageResult> ReuseAsync(StageContext context, ExecutionRuns executions, Run run, CancellationToken ct)
    {
        run = await executions.WaitWhileCreatedAsync(run, ct);
        if (run.Info.Status != RunStatus.Finished)
            throw new PipelineException(
                $"The pipeline run {run.Info.RunId} of execution '{context.Options.ExecutionId}' is {run.Info.Status.ToMlflowName()}: its {Name} did not finish; start a new execution.");
        context.Reporter.Info($"{Name}: execution '{context.Options.ExecutionId}' already has its pipeline run {run.Info.RunId}; using it.");
        return Skipped(run, Outputs(run.Info.RunId));
    }

    private static Dictionary<string, string> Outputs(string pipelineRunId) => new() { ["pipeline_run_id"] = pipelineRunId };
}
