using Pipeline.Ml.Packaging;
using Pipeline.Stages.Running;
using Pipeline.Stages.Stages.PrepareData;
using Pipeline.Stages.Stages.Serve;
using Pipeline.Tracking.Registry;

namespace Pipeline.Stages.Stages.Smoke;

/// <summary>
/// SmokeTest's contract. Reads: <c>--keep-serving</c>. Upstream: the endpoint DockerServe recorded on the pipeline run,
/// the served model (loaded offline) and the test split. Leaves: the verdict and latency figures on the pipeline run
/// (<c>p50_ms</c>, <c>p99_ms</c>); stops the endpoint unless asked to keep it. Skip rule: none; it checks a live server.
/// </summary>
internal sealed class SmokeTestContract : StageContract<PipelineRunUpstream>
{
    /// <inheritdoc/>
    public override StageName Name => StageName.SmokeTest;

    /// <inheritdoc/>
    protected override Task<PipelineRunUpstream> ReadUpstreamAsync(StageContext context, CancellationToken ct) => PipelineRunUpstream.FindAsync(context, ct);

    /// <inheritdoc/>
    protected override Fingerprint? FingerprintOf(StageContext context, PipelineRunUpstream upstream) => null;

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, PipelineRunUpstream upstream, Fingerprint? fingerprint, CancellationToken ct)
    {
        var pipelineRun = upstream.PipelineRun;
        var modelUri = pipelineRun.Data.Tag(ServingTags.ModelUri)
            ?? throw new PipelineException($"Pipeline run {pipelineRun.Info.RunId} records no served model: run the DockerServe stage first.");
        using var scratch = new ScratchFolder("smoke");
        var resolved = await new ModelUriResolver(DockerServeContract.Registry(context), context.Store).ResolveAsync(modelUri, ct);
        var directory = await context.Artifacts.Open(resolved.ArtifactUri).DownloadAsync("", scratch.File("model"), ct);
        var model = LoadModel(directory);
        var test = await new RunArtifacts(context.Artifacts).LoadSplitAsync(pipelineRun, PrepareDataStage.TestArtifact, context.Spec.Data, scratch, ct);
        var output = await new SmokeTestStage(context.Store, context.Reporter, context.Time).RunAsync(
            new SmokeTestInput(pipelineRun, model, test, context.Options.KeepServing), ct);
        return StageResult.Succeeded(Name,
            $"{output.RowsChecked} rows in every format equal offline; one-row p50 {output.P50Ms:F2} ms, p99 {output.P99Ms:F2} ms",
            new Dictionary<string, string> { ["p50_ms"] = $"{output.P50Ms:F3}", ["p99_ms"] = $"{output.P99Ms:F3}" });
    }

    private static PackagedModel LoadModel(string directory)
    {
        try
        {
            return PackagedModel.Load(directory);
        }
        catch (ModelVerificationException e)
        {
            throw new PipelineException(e.Message, e);
        }
    }
}
