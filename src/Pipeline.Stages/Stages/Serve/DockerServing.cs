using Pipeline.Docker;
using Pipeline.Stages.Running;
using Pipeline.Tracking.Registry;

namespace Pipeline.Stages.Stages.Serve;

/// <summary>
/// The Docker half of DockerServe: base image, serving image, container. A self-contained server (published from the
/// checkout for the minimal base) runs as it is; a framework-dependent one (the installed tool's, or the checkout's for a
/// configured base) runs on the configured base image's .NET as its user <c>app</c>, or on the minimal base with a copy
/// of this machine's runtime beside it.
/// </summary>
internal static class DockerServing
{
    /// <summary>The container label naming the served model, so a rerun finds and replaces its predecessor.</summary>
    public const string ModelLabel = "pipeline.serve.model";

    /// <summary>The serving container's name: <c>&lt;repository&gt;-&lt;version&gt;</c>, e.g. <c>breast-cancer-classifier-3</c>.</summary>
    public static string ContainerName(ModelVersion version) =>
        $"{ImageReference.RepositoryFor(version.Name)}-{version.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public static async Task<(RunningContainer Container, ServingImage Image)> RunAsync(
        DockerEngine engine, ServeInput input, ServerLayout layout, string modelDirectory, ServedExtras extras, ModelVersion version, string? runId,
        IStageReporter reporter, CancellationToken ct)
    {
        var (logEnvironment, mounts) = extras.ContainerLog();
        try
        {
            string baseImage;
            string? runtime = null;
            var user = "10001:10001";
            if (input.Serve.BaseImage is { } configured)
            {
                (baseImage, user) = (configured, "app");
            }
            else
            {
                // The server checks the model's sha256 sums at start; .NET's hashing on Linux loads OpenSSL's libcrypto
                // (and probes libssl with it), which the default library set lacks.
                // The libraries the runtime's own files need are found by scanning the layout's root, which holds both.
                if (layout.FrameworkDependent)
                    runtime = InstalledServer.EnsureRuntime(layout, reporter);
                var defaults = new MinimalBaseImageOptions();
                var minimal = await new MinimalBaseImageBuilder(engine).EnsureAsync(
                    defaults with { PublishFolder = layout.Root, Libraries = [.. defaults.Libraries, "libssl.so.3", "libcrypto.so.3"] }, ct);
                reporter.Info($"Base image {minimal.Reference} ({(minimal.WasCached ? "cached" : "built")})");
                (baseImage, user) = (minimal.Reference, minimal.User);
            }

            var image = await new ServingImageBuilder(engine).BuildAsync(new ServingImageOptions
            {
                ModelName = version.Name,
                ModelVersion = version.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Alias = input.Model.Alias,
                PublishFolder = layout.AppFolder,
                EntryPoint = layout.EntryFile,
                FrameworkDependent = layout.FrameworkDependent,
                RuntimeFolder = runtime,
                ModelDirectory = modelDirectory,
                ChallengerDirectory = extras.ChallengerDirectory,
                BaseImage = baseImage,
                User = user,
                Port = input.Serve.Port,
                RunId = runId,
                GitCommit = input.PipelineRun.Data.Tag(Tracking.Entities.SystemTags.GitCommit),
                Source = ServingProvenance.SourceUrl(input.PipelineRun.Data.Tag(Tracking.Entities.SystemTags.GitRepoUrl)),
                Labels = ServingProvenance.Labels(version, input.PipelineRun, modelDirectory),
                Environment = new Dictionary<string, string>(extras.ImageEnvironment()) { ["Scoring__ModelVersion"] = $"{version.Name}/{version.Version}" },
            }, cancellationToken: ct);
            reporter.Info($"Image {string.Join(", ", image.Tags)}: {image.SizeBytes / 1e6:F0} MB, built in {image.Elapsed.TotalSeconds:F1} s");

            // A predictable name a developer finds with `docker ps`; whatever holds it (an earlier run's container) goes first.
            var name = ContainerName(version);
            using var runner = new ContainerRunner(engine);
            foreach (var old in (await runner.ListManagedAsync(ct)).Where(c => c.Labels.GetValueOrDefault(ModelLabel) == version.Name || c.Name == name))
            {
                reporter.Info($"Removing the earlier container {old.Name} ({old.Image})");
                await runner.StopAsync(old.Id, ct);
            }

            var container = await runner.RunAsync(new ContainerRunOptions
            {
                Image = image.Tags[0],
                Name = name,
                Port = input.Serve.Port,
                Labels = new Dictionary<string, string> { [ModelLabel] = version.Name },
                Environment = logEnvironment,
                Mounts = mounts,
                HealthTimeout = TimeSpan.FromSeconds(90),
            }, ct);
            reporter.Info($"Container {container.Name} healthy {container.TimeToHealthy.TotalSeconds:F1} s after start");
            return (container, image);
        }
        catch (DockerOperationException e)
        {
            throw new PipelineException($"DockerServe: {e.Message}", e);
        }
    }
}
