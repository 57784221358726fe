using Pipeline.Stages.Stages;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Promotion;

/// <summary>The recorded evaluation of a registered model version: the latest finished evaluation run of the run that produced it.</summary>
public static class ModelEvaluations
{
    /// <summary>The evaluation run of <paramref name="version"/>'s source run, or null when it has none.</summary>
    public static async Task<Run?> FindAsync(ITrackingStore store, ModelVersion version, CancellationToken ct)
    {
        if (version.RunId is null)
            return null;
        var source = await store.GetRunAsync(version.RunId, ct);
        var filter = $"tags.`{PipelineTags.Role}` = '{PipelineTags.RoleEvaluation}' and tags.`{PipelineTags.EvaluatedRunId}` = '{version.RunId}' " +
                     "and attributes.status = 'FINISHED'";
        var page = await store.SearchRunsAsync(new RunQuery([source.Info.ExperimentId], filter, MaxResults: 1, OrderBy: ["attributes.start_time DESC"]), ct);
        return page.Items.FirstOrDefault();
    }
}
