using Pipeline.Stages.Running;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Stages;

/// <summary>Finds the runs earlier stages left in the store, so every stage can run alone in its own job.</summary>
internal sealed class RunLocator(ITrackingStore store, string experimentId, string pipelineFile)
{
    public static async Task<RunLocator> ForAsync(StageContext context, CancellationToken ct)
    {
        var experiment = await context.Store.GetExperimentByNameAsync(context.Spec.Experiment, ct);
        if (experiment is null || experiment.LifecycleStage != LifecycleStage.Active)
            throw new PipelineException($"Experiment '{context.Spec.Experiment}' does not exist in {context.Location.TrackingUri}: run the InitStore stage first.");
        return new RunLocator(context.Store, experiment.ExperimentId, PipelineFileTag(context.Spec.SourcePath));
    }

    public string ExperimentId => experimentId;

    public string PipelineFile => pipelineFile;

    /// <summary>The pipeline file as recorded on runs: relative to the current directory when it is below it.</summary>
    public static string PipelineFileTag(string sourcePath)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), sourcePath);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? sourcePath : relative).Replace('\\', '/');
    }

    /// <summary>The newest finished run of <paramref name="role"/> for this pipeline file, optionally under a parent.</summary>
    public async Task<Run?> LatestAsync(string role, string? parentRunId, CancellationToken ct)
    {
        var filter = $"tags.`{PipelineTags.Role}` = '{role}' and tags.`{PipelineTags.PipelineFile}` = '{Quote(pipelineFile)}' and attributes.status = 'FINISHED'";
        if (parentRunId is not null)
            filter += $" and tags.`{SystemTags.ParentRunId}` = '{parentRunId}'";
        var page = await store.SearchRunsAsync(new RunQuery([experimentId], filter, MaxResults: 1, OrderBy: ["attributes.start_time DESC"]), ct);
        return page.Items.FirstOrDefault();
    }

    /// <summary>Like <see cref="LatestAsync"/>, but a missing run is an error telling which stage to run first.</summary>
    public async Task<Run> RequireLatestAsync(string role, string? parentRunId, StageName producer, CancellationToken ct) =>
        await LatestAsync(role, parentRunId, ct)
        ?? throw new PipelineException($"No finished {role} run for {pipelineFile} in experiment {experimentId}: run the {producer} stage first.");

    /// <summary>Every run directly under <paramref name="parentRunId"/> with <paramref name="role"/>, whatever its status.</summary>
    public async Task<IReadOnlyList<Run>> ChildrenAsync(string parentRunId, string role, CancellationToken ct)
    {
        var filter = $"tags.`{SystemTags.ParentRunId}` = '{parentRunId}' and tags.`{PipelineTags.Role}` = '{role}'";
        var runs = new List<Run>();
        string? token = null;
        do
        {
            var page = await store.SearchRunsAsync(new RunQuery([experimentId], filter, PageToken: token), ct);
            runs.AddRange(page.Items);
            token = page.NextPageToken;
        }
        while (token is not null);
        return runs;
    }

    private static string Quote(string value) => value.Replace("'", "''", StringComparison.Ordinal);
}
