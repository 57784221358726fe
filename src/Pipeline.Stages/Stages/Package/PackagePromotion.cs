using Pipeline.Stages.Promotion;
using Pipeline.Stages.Running;
using Pipeline.Stages.Spec;
using Pipeline.Tracking.Metadata;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Stages.Package;

/// <summary>
/// <c>model.promote</c> after Package registered the new version under <c>model.alias</c>: moves <c>to_alias</c> to it
/// only when its evaluation wins (<see cref="ModelPromoter"/> warns when it does not); a loss is a result, not an error.
/// </summary>
internal sealed class PackagePromotion(ITrackingStore store, IModelRegistry registry, IStageReporter reporter, TimeProvider time, IEnvironmentVariables environment)
{
    /// <summary>Promotes and returns the stage-summary clause, e.g. <c>not promoted to @champion: roc_auc 0.91 vs 0.93: ...</c>.</summary>
    public async Task<string> PromoteAsync(ModelSpec model, PromoteSpec promote, CancellationToken ct)
    {
        // As `pipeline models promote` records it: the CI actor when there is one, else the user running the pipeline.
        var user = environment.Get("GITHUB_ACTOR") ?? environment.Get("USER") ?? environment.Get("USERNAME") ?? "pipeline";
        var outcome = await new ModelPromoter(store, registry, reporter, time, environment.Get)
            .PromoteAsync(new PromotionRequest(model.Name, model.Alias, promote.ToAlias, promote.Thresholds, user), ct);
        return outcome.Promoted
            ? $"promoted to @{promote.ToAlias}: {outcome.Reason}"
            : $"not promoted to @{promote.ToAlias}: {outcome.Reason}";
    }
}
