using Pipeline.Stages.Running;
using Pipeline.Stages.Stages;
using Pipeline.Tracking;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Runs;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Reproduction;

/// <summary>
/// The run to reproduce and what produced it: its role, the pipeline run at the root of its lineage (holding the
/// dataset record), the recorded commit and pipeline file, and the stages that re-make it.
/// </summary>
internal sealed record RecordedRun(Run Run, string Role, Run PipelineRun, string Commit, bool Dirty, string SourceName)
{
    public static async Task<RecordedRun> FindAsync(ITrackingStore store, string runId, string trackingUri, CancellationToken ct)
    {
        Run run;
        try
        {
            run = await store.GetRunAsync(runId, ct);
        }
        catch (TrackingException e) when (e.Code == ErrorCode.ResourceDoesNotExist)
        {
            throw new PipelineException($"run {runId} does not exist in {PostgresUri.Redact(trackingUri)} (pass --tracking-uri for another store).");
        }
        catch (TrackingException e)
        {
            throw new PipelineException($"cannot read run {runId} from {PostgresUri.Redact(trackingUri)}: {e.Message}", e);
        }

        var role = run.Data.Tag(PipelineTags.Role);
        if (role is not (PipelineTags.RolePipeline or PipelineTags.RoleSweep or PipelineTags.RoleTrial or PipelineTags.RoleEvaluation))
            throw new PipelineException($"run {runId} is {(role is null ? "not a pipeline stage's run" : $"a '{role}' run")}: reproduce takes a pipeline, sweep, trial or evaluation run.");

        var pipelineRun = run;
        for (var depth = 0; pipelineRun.Data.Tag(PipelineTags.Role) != PipelineTags.RolePipeline; depth++)
        {
            var parent = pipelineRun.Data.Tag(SystemTags.ParentRunId);
            if (parent is null || depth > 3)
                throw new PipelineException($"run {runId} has no pipeline run above it (mlflow.parentRunId), so its dataset record cannot be found.");
            try
            {
                pipelineRun = await store.GetRunAsync(parent, ct);
            }
            catch (TrackingException e)
            {
                throw new PipelineException($"run {runId}: its parent run {parent} cannot be read: {e.Message}", e);
            }
        }

        var commit = run.Data.Tag(SystemTags.GitCommit)
            ?? throw new PipelineException($"run {runId} records no git commit ({RunContextTagNames.GitState}: {run.Data.Tag(RunContextTagNames.GitState) ?? "unknown"}), so its code cannot be checked out.");
        var source = run.Data.Tag(SystemTags.SourceName)
            ?? throw new PipelineException($"run {runId} records no pipeline file ({SystemTags.SourceName}).");
        return new RecordedRun(run, role, pipelineRun, commit, run.Data.Tag(RunContextTagNames.GitDirty) == "true", source);
    }

    public string RunId => Run.Info.RunId;

    /// <summary>The stages that produce a run of this role, in order (the experiment is created beforehand, so no InitStore).</summary>
    public IReadOnlyList<StageName> Stages => Role switch
    {
        PipelineTags.RolePipeline => [StageName.PrepareData],
        PipelineTags.RoleSweep or PipelineTags.RoleTrial => [StageName.PrepareData, StageName.Sweep],
        _ => [StageName.PrepareData, StageName.Sweep, StageName.Select, StageName.Evaluate],
    };

    /// <summary>The search filter that finds the re-made run among the scratch store's runs: same role, and for a trial the same position in the search space.</summary>
    public string CounterpartFilter
    {
        get
        {
            var filter = $"tags.`{PipelineTags.Role}` = '{Role}'";
            return Role == PipelineTags.RoleTrial
                ? filter + $" and tags.`{PipelineTags.TrialIndex}` = '{Run.Data.Tag(PipelineTags.TrialIndex)}'"
                : filter;
        }
    }
}
