using Pipeline.Ml.Packaging;
using Pipeline.Stages.Stages;
using Pipeline.Stages.Stages.Serve;
using Pipeline.Stages.Stages.Smoke;
using Pipeline.Tracking.Registry;

namespace Pipeline.Stages.Running;

/// <summary>Maps the stage context to the serving stages' inputs: the pipeline run, the registry, the served model.</summary>
public sealed partial class PipelineRunner
{
    private async Task<StageResult> DockerServeAsync(StageContext context, CancellationToken ct)
    {
        var locator = await RunLocator.ForAsync(context, ct);
        var pipelineRun = await locator.RequireLatestAsync(PipelineTags.RolePipeline, null, StageName.PrepareData, ct);
        var pipelineDirectory = Path.GetDirectoryName(Path.GetFullPath(context.Spec.SourcePath))!;
        var output = await new ServeStage(context.Store, Registry(context), context.Artifacts, reporter, context.Time).RunAsync(
            new ServeInput(context.Spec.Model, context.Spec.Serve, pipelineRun, pipelineDirectory, context.Options.RequireDocker), ct);
        var outputs = new Dictionary<string, string>
        {
            ["url"] = output.Url.ToString().TrimEnd('/'),
            ["mode"] = output.Mode,
            ["model_uri"] = output.ModelUri,
        };
        if (output.ImageTags.Count > 0)
            outputs["image"] = output.ImageTags[0];
        return StageResult.Succeeded(StageName.DockerServe, $"{output.ModelUri} at {outputs["url"]} ({output.Mode})", outputs);
    }

    private async Task<StageResult> SmokeTestAsync(StageContext context, CancellationToken ct)
    {
        var locator = await RunLocator.ForAsync(context, ct);
        var pipelineRun = await locator.RequireLatestAsync(PipelineTags.RolePipeline, null, StageName.PrepareData, ct);
        var modelUri = pipelineRun.Data.Tag(ServingTags.ModelUri)
            ?? throw new PipelineException($"Pipeline run {pipelineRun.Info.RunId} records no served model: run the DockerServe stage first.");
        // What a passed smoke test releases is checked first, so a release job that cannot ship fails before testing.
        var release = ReleaseTarget.Resolve(context.Spec.Serve, context.Options.Registry, context.Options.Push, context.Options.Save,
            Path.GetDirectoryName(Path.GetFullPath(context.Spec.SourcePath))!);
        ImageRelease.CheckServedImage(pipelineRun, release);
        using var scratch = new ScratchFolder("smoke");
        var resolved = await new ModelUriResolver(Registry(context), context.Store).ResolveAsync(modelUri, ct);
        var directory = await context.Artifacts.Open(resolved.ArtifactUri).DownloadAsync("", scratch.File("model"), ct);
        var model = LoadModel(directory);
        var test = await new RunArtifacts(context.Artifacts).LoadSplitAsync(pipelineRun, PrepareDataStage.TestArtifact, context.Spec.Data, scratch, ct);
        var output = await new SmokeTestStage(context.Store, reporter, time).RunAsync(
            new SmokeTestInput(pipelineRun, model, test, context.Options.KeepServing), ct);
        var outputs = new Dictionary<string, string> { ["p50_ms"] = $"{output.P50Ms:F3}", ["p99_ms"] = $"{output.P99Ms:F3}" };
        var summary = $"{output.RowsChecked} rows in every format equal offline; one-row p50 {output.P50Ms:F2} ms, p99 {output.P99Ms:F2} ms";
        if (!release.IsEmpty)
        {
            // Only now, after the smoke test passed: a failed one threw above and ships nothing.
            var released = await new ImageRelease(context.Store, Registry(context), context.Artifacts, reporter, name => _environment.Get(name))
                .RunAsync(pipelineRun, release, ct);
            if (released.Pushed is { } pushed)
            {
                outputs["image"] = $"{pushed.Repository}:{pushed.Tags[0]}";
                outputs["image_digest"] = pushed.Digest;
                summary += $"; pushed {pushed.Repository}@{pushed.Digest}";
            }
            if (released.ArchiveSha256 is { } sha)
            {
                outputs["image_archive_sha256"] = sha;
                summary += $"; saved {release.Archive}";
            }
        }
        return StageResult.Succeeded(StageName.SmokeTest, summary, outputs);
    }

    private static IModelRegistry Registry(StageContext context) => context.Store as IModelRegistry
        ?? throw new PipelineException($"The tracking store {context.Location.TrackingUri} has no model registry.");

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
