using System.Globalization;
using Pipeline.Docker;
using Pipeline.Stages.Running;
using Pipeline.Stages.Spec;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Stages.Serve;

/// <summary>
/// What DockerServe needs: the model section, the serve section, the pipeline run, the folder of the pipeline file and
/// the policy. Inside this repository's checkout (found above <paramref name="PipelineDirectory"/>) the server is
/// published from its sources and cached in <c>&lt;checkout&gt;/.cache/pipeline</c>; anywhere else the installed tool's
/// server is used, cached in <c>&lt;PipelineDirectory&gt;/.cache/pipeline</c>.
/// </summary>
public sealed record ServeInput(ModelSpec Model, ServeSpec Serve, Run PipelineRun, string PipelineDirectory, bool RequireDocker)
{
    /// <summary>The model to serve, e.g. <c>models:/m/3</c> (the version this execution packaged); default null: <c>model.alias</c>'s version.</summary>
    public string? ModelUri { get; init; }

    /// <summary>The installed tool's folder holding the server, used outside a checkout; default the folder of this
    /// library or of the running app, whichever holds <c>Pipeline.Serving.dll</c> with its runtimeconfig and deps files.</summary>
    public string? InstalledFolder { get; init; }

    /// <summary>The pipeline's tracking store, where <c>serve.log_predictions: tracking</c> logs; default null (the server's default).</summary>
    public string? TrackingUri { get; init; }
}

/// <summary>What DockerServe started: the endpoint URL, how (docker or process), the served model URI, and the image tags.</summary>
public sealed record ServeOutput(Uri Url, string Mode, string ModelUri, IReadOnlyList<string> ImageTags);

/// <summary>
/// Serves <c>models:/&lt;name&gt;@&lt;alias&gt;</c>: publishes or lays out the server (cached), then builds an image with it and the
/// model and runs it on the Docker engine from <c>DOCKER_HOST</c> or the default socket; without an engine, starts
/// the same server as a local process unless Docker is required. Stops what an earlier run of this stage left running,
/// waits for <c>/health</c>, and records the endpoint as tags on the pipeline run for SmokeTest.
/// </summary>
/// <param name="store">Where the pipeline run's serving tags are recorded.</param>
/// <param name="registry">Resolves the alias to a model version.</param>
/// <param name="artifacts">Opens the model version's artifacts.</param>
/// <param name="reporter">Progress messages.</param>
/// <param name="time">The clock for the server cache (which published versions were used last) and health checks.</param>
/// <param name="engineFactory">Connects to the engine; default <see cref="DockerEngine.FromEnvironment()"/>.</param>
internal sealed class ServeStage(
    ITrackingStore store, IModelRegistry registry, ArtifactRepositoryRegistry artifacts, IStageReporter reporter, TimeProvider time,
    Func<DockerEngine>? engineFactory = null)
{
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(90);

    public async Task<ServeOutput> RunAsync(ServeInput input, CancellationToken ct)
    {
        var alias = input.ModelUri ?? $"models:/{input.Model.Name}@{input.Model.Alias}";
        var resolved = await new ModelUriResolver(registry, store).ResolveAsync(alias, ct);
        var version = resolved.Version!;
        var modelUri = $"models:/{version.Name}/{version.Version}";
        reporter.Info($"{alias} is version {version.Version} (run {resolved.RunId ?? "unknown"})");
        await EndpointStopper.StopRecordedAsync(store, input.PipelineRun.Info.RunId, reporter, ct);
        input = input with { Serve = input.Serve with { Port = ServePort.Choose(input.Serve, reporter) } };

        var repository = ServerPublisher.TryFindRepositoryRoot(input.PipelineDirectory);
        var cache = ServerPublisher.CacheFolder(repository ?? input.PipelineDirectory);
        var modelDirectory = Path.Combine(cache, "models", $"{ImageReference.RepositoryFor(version.Name)}-{version.Version}");
        if (Directory.Exists(modelDirectory))
            Directory.Delete(modelDirectory, recursive: true);
        Directory.CreateDirectory(modelDirectory);
        await artifacts.Open(resolved.ArtifactUri).DownloadAsync("", modelDirectory, ct);
        var extras = await ServedExtras.PrepareAsync(input, version, registry, store, artifacts, cache, reporter, ct);
        var layout = repository is not null
            ? await new ServerPublisher(repository, reporter).PublishAsync(frameworkDependent: input.Serve.BaseImage is not null, ct)
            : new InstalledServer(InstalledFolder(input), cache, reporter).Prepare();
        var now = time.GetUtcNow().UtcDateTime;
        CachedVersions.MarkUsed(layout.Root, now);
        CachedVersions.Prune(layout.Root, now, reporter);
        var versionLabel = $"{version.Name}/{version.Version}";

        using var engine = (engineFactory ?? DockerEngine.FromEnvironment)();
        var reachability = await engine.IsReachableAsync(cancellationToken: ct);
        ServeOutput output;
        var tags = new List<RunTag>();
        if (reachability.IsReachable)
        {
            reporter.Info($"Docker engine {reachability.ServerVersion} (API {reachability.ApiVersion}) at {reachability.Endpoint}");
            var (running, image) = await DockerServing.RunAsync(engine, input, layout, modelDirectory, extras, version, resolved.RunId, reporter, ct);
            tags.Add(new RunTag(ServingTags.ContainerId, running.Id));
            tags.Add(new RunTag(ServingTags.Image, string.Join(",", image.Tags)));
            tags.Add(new RunTag(ServingTags.ImageId, image.Id));
            output = new ServeOutput(running.Url, ServingTags.ModeDocker, modelUri, image.Tags);
        }
        else if (input.RequireDocker)
        {
            throw new PipelineException($"DockerServe: {reachability.Reason}. Docker is required (--require-docker), so the model is not served.");
        }
        else
        {
            reporter.Warning($"No Docker engine is reachable: {reachability.Reason}. Serving the same server as a local process instead.");
            var log = Path.Combine(cache, "serving.log");
            var (pid, url) = await LocalServerProcess.StartAsync(
                layout, modelDirectory, input.Serve.Port, versionLabel, log, HealthTimeout, extras.ProcessArguments(), extras.ProcessEnvironment(), ct);
            reporter.Info($"Server process {pid} logs to {log}");
            tags.Add(new RunTag(ServingTags.ProcessId, pid.ToString(CultureInfo.InvariantCulture)));
            output = new ServeOutput(url, ServingTags.ModeProcess, modelUri, []);
        }

        tags.AddRange([
            new RunTag(ServingTags.Url, output.Url.ToString().TrimEnd('/')),
            new RunTag(ServingTags.Mode, output.Mode),
            new RunTag(ServingTags.ModelUri, modelUri),
            new RunTag(ServingTags.State, "running"),
        ]);
        if (extras.Challenger is { } challenger)
        {
            tags.Add(new RunTag(ServingTags.ChallengerUri, $"models:/{challenger.Name}/{challenger.Version}"));
            tags.Add(new RunTag(ServingTags.StickyHeader, input.Serve.StickyHeader));
        }
        await store.LogBatchAsync(input.PipelineRun.Info.RunId, [], [], tags, ct);
        // An earlier release's image belongs to the image served then; SmokeTest records this one's once it is shipped.
        foreach (var stale in input.PipelineRun.Data.Tags.Where(t => t.Key == ImageTags.Image || t.Key.StartsWith(ImageTags.Image + ".", StringComparison.Ordinal)))
            await store.DeleteTagAsync(input.PipelineRun.Info.RunId, stale.Key, ct);
        reporter.Info($"Serving {modelUri} at {output.Url.ToString().TrimEnd('/')} ({output.Mode})");
        return output;
    }

    private static string InstalledFolder(ServeInput input) => input.InstalledFolder ?? InstalledServer.FindNextToThisProgram()
        ?? throw new PipelineException(
            $"DockerServe: {input.PipelineDirectory} is not in a checkout of the pipeline's repository, and no installed scoring server " +
            $"(Pipeline.Serving.dll with its runtimeconfig and deps files) is next to this program ({AppContext.BaseDirectory}): " +
            "run the stage with the pipeline tool (dotnet tool install Pipeline.Cli).");
}
