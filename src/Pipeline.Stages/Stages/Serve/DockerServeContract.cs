using Pipeline.Stages.Running;
using Pipeline.Tracking.Registry;

namespace Pipeline.Stages.Stages.Serve;

/// <summary>
/// DockerServe's contract. Reads: the <c>model:</c> and <c>serve:</c> sections, <c>--require-docker</c>. Upstream: the
/// pipeline run and the registry version the alias names. Leaves: a running endpoint (<c>url</c>, <c>mode</c>,
/// <c>model_uri</c>, <c>image</c>) recorded as tags on the pipeline run. Skip rule: none; a server is a process, not a file.
/// </summary>
internal sealed class DockerServeContract : StageContract<PipelineRunUpstream>
{
    /// <inheritdoc/>
    public override StageName Name => StageName.DockerServe;

    /// <inheritdoc/>
    protected override Task<PipelineRunUpstream> ReadUpstreamAsync(StageContext context, CancellationToken ct) => PipelineRunUpstream.FindAsync(context, ct);

    /// <inheritdoc/>
    protected override Fingerprint? FingerprintOf(StageContext context, PipelineRunUpstream upstream) => null;

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, PipelineRunUpstream upstream, Fingerprint? fingerprint, CancellationToken ct)
    {
        var pipelineDirectory = Path.GetDirectoryName(Path.GetFullPath(context.Spec.SourcePath))!;
        var output = await new ServeStage(context.Store, Registry(context), context.Artifacts, context.Reporter, context.Time).RunAsync(
            new ServeInput(context.Spec.Model, context.Spec.Serve, upstream.PipelineRun, pipelineDirectory, context.Options.RequireDocker), ct);
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

    /// <summary>The store's model registry; a store without one cannot serve a registered model.</summary>
    internal static IModelRegistry Registry(StageContext context) => context.Store as IModelRegistry
        ?? throw new PipelineException($"The tracking store {context.Location.TrackingUri} has no model registry.");
}
