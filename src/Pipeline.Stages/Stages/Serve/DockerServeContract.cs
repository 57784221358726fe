using Pipeline.Stages.Running;
using Pipeline.Stages.Stages.Select;
using Pipeline.Tracking.Registry;

namespace Pipeline.Stages.Stages.Serve;

/// <summary>
/// DockerServe's contract. Reads: the <c>model:</c> and <c>serve:</c> sections, <c>--require-docker</c>. Upstream: the
/// execution's pipeline run and sweep, and the registry version Package registered from that sweep (the alias's version when
/// it is one; another execution may have moved the alias since). Leaves: a running endpoint (<c>url</c>, <c>mode</c>,
/// <c>model_uri</c>, <c>image</c>) recorded as tags on the pipeline run. Skip rule: none; a server is a process, not a file.
/// </summary>
internal sealed class DockerServeContract : StageContract<SweepUpstream>
{
    /// <inheritdoc/>
    public override StageName Name => StageName.DockerServe;

    /// <inheritdoc/>
    protected override Task<SweepUpstream> ReadUpstreamAsync(StageContext context, CancellationToken ct) => SweepUpstream.FindAsync(context, ct);

    /// <inheritdoc/>
    protected override Fingerprint? FingerprintOf(StageContext context, SweepUpstream upstream) => null;

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, SweepUpstream upstream, Fingerprint? fingerprint, CancellationToken ct)
    {
        var pipelineDirectory = Path.GetDirectoryName(Path.GetFullPath(context.Spec.SourcePath))!;
        var version = await PackagedVersionAsync(context, upstream.SweepRun.Info.RunId, ct);
        var output = await new ServeStage(context.Store, Registry(context), context.Artifacts, context.Reporter, context.Time).RunAsync(
            new ServeInput(context.Spec.Model, context.Spec.Serve, upstream.PipelineRun, pipelineDirectory, context.Options.RequireDocker)
            {
                ModelUri = $"models:/{version.Name}/{version.Version}",
                TrackingUri = context.Location.TrackingUri,
            }, ct);
        var outputs = new Dictionary<string, string>
        {
            ["url"] = output.Url.ToString().TrimEnd('/'),
            ["mode"] = output.Mode,
            ["model_uri"] = output.ModelUri,
        };
        if (output.ImageTags.Count > 0)
            outputs["image"] = output.ImageTags[0];
        return StageResult.Succeeded(Name, $"{output.ModelUri} at {outputs["url"]} ({output.Mode})", outputs);
    }

    /// <summary>
    /// The version of <c>model.name</c> registered from <paramref name="sweepRunId"/>: the one the alias names when it is one
    /// of them, else the newest. Never another execution's model, whatever the alias says now.
    /// </summary>
    private static async Task<ModelVersion> PackagedVersionAsync(StageContext context, string sweepRunId, CancellationToken ct)
    {
        var name = context.Spec.Model.Name;
        var versions = await Registry(context).SearchModelVersionsAsync(
            new ModelVersionQuery($"name = '{name.Replace("'", "''", StringComparison.Ordinal)}' and run_id = '{sweepRunId}'"), ct);
        if (versions.Items.Count == 0)
            throw new PipelineException($"No version of {name} is registered from sweep run {sweepRunId}: run the {StageName.Package} stage first.");
        try
        {
            var aliased = await Registry(context).GetModelVersionByAliasAsync(name, context.Spec.Model.Alias, ct);
            if (aliased.RunId == sweepRunId)
                return aliased;
        }
        catch (Tracking.TrackingException)
        {
            // No alias yet: the newest registration of the sweep.
        }
        return versions.Items.MaxBy(v => v.Version)!;
    }

    /// <summary>The model registry beside the store, from the composition root.</summary>
    internal static IModelRegistry Registry(StageContext context) => context.Registry;
}
