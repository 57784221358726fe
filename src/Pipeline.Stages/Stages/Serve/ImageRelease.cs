using System.Globalization;
using Pipeline.Docker;
using Pipeline.Docker.Registry;
using Pipeline.Stages.Running;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Stages.Serve;

/// <summary>What was released: the pushed image (null when no registry was named) and the archive's sha256 (null without one).</summary>
public sealed record ReleaseOutput(PushedImage? Pushed, string? ArchivePath, string? ArchiveSha256);

/// <summary>
/// Ships the image SmokeTest has just proven: pushes its version and alias tags to the registry and/or writes a
/// <c>docker save</c> archive, then records the digest on the model version, the model's run and the pipeline run
/// (<see cref="ImageTags"/>). Called only after a passed smoke test, so a failed one ships nothing.
/// </summary>
internal sealed class ImageRelease(
    ITrackingStore store, IModelRegistry registry, ArtifactRepositoryRegistry artifacts, IStageReporter reporter,
    Func<string, string?> getEnvironmentVariable, Func<DockerEngine>? engineFactory = null)
{
    /// <summary>Fails before the smoke test when the target cannot be met: a release needs the image DockerServe built.</summary>
    public static void CheckServedImage(Run pipelineRun, ReleaseTarget target)
    {
        if (target.IsEmpty)
            return;
        if (pipelineRun.Data.Tag(ServingTags.Mode) != ServingTags.ModeDocker || pipelineRun.Data.Tag(ServingTags.Image) is not { Length: > 0 })
            throw new PipelineException(
                $"SmokeTest: {(target.Registry is null ? $"saving the image to {target.Archive}" : $"pushing to {target.Registry}")} needs the image DockerServe builds, " +
                "but the model was served as a local process (no Docker engine): run DockerServe with --require-docker against an engine.");
    }

    public async Task<ReleaseOutput> RunAsync(Run pipelineRun, ReleaseTarget target, CancellationToken ct)
    {
        var localTags = pipelineRun.Data.Tag(ServingTags.Image)!.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var modelUri = pipelineRun.Data.Tag(ServingTags.ModelUri)!;
        var resolved = await new ModelUriResolver(registry, store).ResolveAsync(modelUri, ct);
        var version = resolved.Version!;
        using var engine = (engineFactory ?? (() => DockerEngine.FromEnvironment(getEnvironmentVariable)))();
        try
        {
            PushedImage? pushed = null;
            if (target.Registry is { } prefix)
            {
                var repository = $"{prefix}/{localTags[0][..localTags[0].LastIndexOf(':')]}";
                var tags = localTags.Select(t => t[(t.LastIndexOf(':') + 1)..]).ToArray();
                var pusher = new ImagePusher(engine, new RegistryCredentialStore(getEnvironmentVariable));
                pushed = await pusher.PushAsync(localTags[0], repository, tags, cancellationToken: ct);
                reporter.Info($"Pushed {string.Join(", ", pushed.References)}: {pushed.Digest}");
            }

            string? archivePath = null, archiveSha = null;
            if (target.Archive is { } archive)
            {
                var (sha, bytes) = await ImageArchive.SaveAsync(engine, [.. localTags, .. pushed?.References ?? []], archive, ct);
                archivePath = $"image/{Path.GetFileName(archive)}";
                await artifacts.Open(pipelineRun.Info.ArtifactUri).LogFileAsync(archive, "image", ct);
                archiveSha = sha;
                reporter.Info($"Saved {string.Join(", ", localTags)} to {archive}: {bytes / 1e6:F0} MB, sha256 {sha}");
            }

            await RecordAsync(pipelineRun, version, resolved.RunId, pushed, archivePath, archiveSha, ct);
            return new ReleaseOutput(pushed, archivePath, archiveSha);
        }
        catch (Exception e) when (e is DockerOperationException or RegistryCredentialsException)
        {
            throw new PipelineException($"SmokeTest passed, but releasing the image failed: {e.Message}", e);
        }
    }

    private async Task RecordAsync(Run pipelineRun, ModelVersion version, string? modelRunId, PushedImage? pushed, string? archive, string? sha, CancellationToken ct)
    {
        var tags = new List<(string Key, string Value)>();
        if (pushed is not null)
        {
            tags.Add((ImageTags.Image, $"{pushed.Repository}:{pushed.Tags[0]}"));
            tags.Add((ImageTags.Digest, pushed.Digest));
        }
        if (archive is not null)
        {
            tags.Add((ImageTags.Archive, archive));
            tags.Add((ImageTags.ArchiveSha256, sha!));
        }
        foreach (var (key, value) in tags)
            await registry.SetModelVersionTagAsync(version.Name, version.Version, new RegistryTag(key, value), ct);
        var runTags = tags.Select(t => new RunTag(t.Key, t.Value)).ToList();
        await store.LogBatchAsync(pipelineRun.Info.RunId, [], [], runTags, ct);
        if (modelRunId is not null && modelRunId != pipelineRun.Info.RunId)
            await store.LogBatchAsync(modelRunId, [], [], runTags, ct);
        reporter.Info($"Recorded on models:/{version.Name}/{version.Version.ToString(CultureInfo.InvariantCulture)}, run {modelRunId} and the pipeline run.");
    }
}
