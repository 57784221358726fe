using System.Globalization;
using Pipeline.Docker;
using Pipeline.Docker.Registry;
using Pipeline.Stages.Running;
using Pipeline.Stages.Stages.Serve;
using Pipeline.Tracking;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Promotion;

/// <summary>
/// Promotion with evidence: moves an alias to the candidate version only when the candidate's recorded evaluation beats
/// the current holder's on every declared <see cref="MetricThreshold"/> (no holder yet: the candidate wins and the reason
/// says so). When the candidate's image was pushed (<see cref="ImageTags"/>), its registry tag named like the alias is
/// moved to the candidate's digest first, so the image registry and the model registry never disagree; then the alias
/// moves and the version records who promoted it, when, from where and why (<see cref="PromotionTag"/>).
/// </summary>
public sealed class ModelPromoter(
    ITrackingStore store, IModelRegistry registry, IStageReporter reporter, TimeProvider time, Func<string, string?> getEnvironmentVariable,
    Func<DockerEngine>? engineFactory = null)
{
    /// <summary>The version tag recording the promotion: who, when, from which alias, replacing which version, and the evidence.</summary>
    public const string PromotionTag = "pipeline.promotion";

    /// <summary>The version tag naming who promoted it.</summary>
    public const string PromotedByTag = "pipeline.promoted_by";

    /// <exception cref="PipelineException">No version holds the candidate alias, an evaluation or a metric is missing, or the image could not be re-tagged.</exception>
    public async Task<PromotionOutcome> PromoteAsync(PromotionRequest request, CancellationToken ct)
    {
        if (request.Thresholds.Count == 0)
            throw new PipelineException("promote: name at least one metric to compare (e.g. --metric roc_auc).");
        var candidate = await ByAliasAsync(request.ModelName, request.FromAlias, ct)
            ?? throw new PipelineException($"promote: no version of {request.ModelName} has the alias '{request.FromAlias}'.");
        var current = await ByAliasAsync(request.ModelName, request.ToAlias, ct);
        if (current?.Version == candidate.Version)
            return new PromotionOutcome(true, candidate.Version, current.Version, $"version {candidate.VersionText} already holds @{request.ToAlias}", null);

        var candidateEvaluation = await ModelEvaluations.FindAsync(store, candidate, ct)
            ?? throw new PipelineException($"promote: version {candidate.VersionText} of {request.ModelName} has no recorded evaluation (run the Evaluate stage for it).");
        string reason;
        if (current is null)
        {
            reason = $"no version held @{request.ToAlias}: version {candidate.VersionText} is the first";
        }
        else
        {
            var currentEvaluation = await ModelEvaluations.FindAsync(store, current, ct)
                ?? throw new PipelineException($"promote: the current @{request.ToAlias}, version {current.VersionText}, has no recorded evaluation to compare with.");
            var checks = request.Thresholds.Select(t => t.Check(
                Metric(candidateEvaluation.Data.Metric(t.Metric), t.Metric, candidate),
                Metric(currentEvaluation.Data.Metric(t.Metric), t.Metric, current))).ToList();
            reason = $"version {candidate.VersionText} vs version {current.VersionText}: " + string.Join("; ", checks.Select(c => c.Reason));
            if (checks.Any(c => !c.Passed))
            {
                reporter.Warning($"Not promoted: {reason}");
                return new PromotionOutcome(false, candidate.Version, current.Version, reason, null);
            }
        }

        var image = await RetagImageAsync(candidate, request.ToAlias, ct);
        await registry.SetRegisteredModelAliasAsync(request.ModelName, request.ToAlias, candidate.Version, ct);
        var when = time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var record = $"@{request.ToAlias} from @{request.FromAlias} by {request.User} at {when}" +
                     (current is null ? "" : $", replacing version {current.VersionText}") + $": {reason}";
        await registry.SetModelVersionTagAsync(request.ModelName, candidate.Version, new RegistryTag(PromotionTag, record), ct);
        await registry.SetModelVersionTagAsync(request.ModelName, candidate.Version, new RegistryTag(PromotedByTag, request.User), ct);
        reporter.Info($"Promoted {request.ModelName} version {candidate.VersionText} to @{request.ToAlias}: {reason}");
        return new PromotionOutcome(true, candidate.Version, current?.Version, reason, image);
    }

    private async Task<string?> RetagImageAsync(ModelVersion candidate, string alias, CancellationToken ct)
    {
        if (!candidate.Tags.TryGetValue(ImageTags.Image, out var image) || !candidate.Tags.TryGetValue(ImageTags.Digest, out var digest))
        {
            reporter.Info($"Version {candidate.VersionText} records no pushed image ({ImageTags.Image}): only the alias moves.");
            return null;
        }
        var repository = image[..image.LastIndexOf(':')];
        using var engine = (engineFactory ?? (() => DockerEngine.FromEnvironment(getEnvironmentVariable)))();
        try
        {
            var pusher = new ImagePusher(engine, new RegistryCredentialStore(getEnvironmentVariable));
            var pulled = await pusher.PullAsync(repository, digest, cancellationToken: ct);
            var pushed = await pusher.PushAsync(pulled, repository, [alias], cancellationToken: ct);
            if (pushed.Digest != digest)
                throw new PipelineException($"promote: {repository}:{alias} was pushed as {pushed.Digest}, not the recorded {digest}; the alias was not moved.");
            reporter.Info($"{repository}:{alias} now points to {digest}");
            return $"{repository}:{alias}";
        }
        catch (Exception e) when (e is DockerOperationException or RegistryCredentialsException)
        {
            throw new PipelineException($"promote: re-tagging {repository}:{alias} failed, so the alias was not moved: {e.Message}", e);
        }
    }

    private static double Metric(double? value, string metric, ModelVersion version) => value
        ?? throw new PipelineException($"promote: the evaluation of version {version.VersionText} has no metric '{metric}'.");

    private async Task<ModelVersion?> ByAliasAsync(string name, string alias, CancellationToken ct)
    {
        try
        {
            return await registry.GetModelVersionByAliasAsync(name, alias, ct);
        }
        // MLflow answers an unknown alias with INVALID_PARAMETER_VALUE, an unknown model with RESOURCE_DOES_NOT_EXIST.
        catch (TrackingException e) when (e.Code is ErrorCode.ResourceDoesNotExist or ErrorCode.InvalidParameterValue)
        {
            return null;
        }
    }
}
