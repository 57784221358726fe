using System.Globalization;
using Pipeline.Docker;
using Pipeline.Stages.Running;
using Pipeline.Stages.Spec;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Stages.Serve;

/// <summary>
/// What DockerServe serves beside the champion, from the <c>serve</c> section: the challenger (resolved to a registry
/// version and downloaded like the champion) with its split, shadow and sticky header, and the prediction log (a folder
/// relative to the pipeline file, or the pipeline's tracking store). Turns them into the server's switches for the local
/// process, and into the image's environment, files and mounts for the container.
/// </summary>
internal sealed record ServedExtras(ServeSpec Serve, ModelVersion? Challenger, string? ChallengerDirectory, string? LogFolder, string? TrackingUri)
{
    /// <summary>Where a log folder is mounted inside the container.</summary>
    public const string LogPathInContainer = "/var/log/predictions";

    /// <summary>The challenger's version as the server reports it (<c>name/4</c>).</summary>
    public string? ChallengerLabel => Challenger is { } v ? $"{v.Name}/{v.Version.ToString(CultureInfo.InvariantCulture)}" : null;

    public static async Task<ServedExtras> PrepareAsync(
        ServeInput input, ModelVersion champion, IModelRegistry registry, ITrackingStore store, ArtifactRepositoryRegistry artifacts,
        string cache, IStageReporter reporter, CancellationToken ct)
    {
        var serve = input.Serve;
        ModelVersion? challenger = null;
        string? directory = null;
        if (serve.Challenger is { } uri)
        {
            ResolvedModelUri resolved;
            try
            {
                resolved = await new ModelUriResolver(registry, store).ResolveAsync(uri, ct);
            }
            catch (Tracking.TrackingException e)
            {
                throw new PipelineException($"DockerServe: serve.challenger {uri}: {e.Message}", e);
            }

            challenger = resolved.Version!;
            if (challenger.Name == champion.Name && challenger.Version == champion.Version)
                reporter.Warning($"DockerServe: serve.challenger {uri} is version {challenger.Version}, the champion itself: both sides of the split answer alike.");
            reporter.Info($"Challenger {uri} is version {challenger.Version} (run {resolved.RunId ?? "unknown"}): " +
                          (serve.Shadow ? "shadow, scores every request" : $"answers {serve.Split.ToString("P0", CultureInfo.InvariantCulture)} of requests"));
            directory = Path.Combine(cache, "models", $"{ImageReference.RepositoryFor(challenger.Name)}-{challenger.Version}-challenger");
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
            Directory.CreateDirectory(directory);
            await artifacts.Open(resolved.ArtifactUri).DownloadAsync("", directory, ct);
        }

        string? folder = null;
        if (serve.LogPredictions is { } log && !log.Equals(ServeSpec.TrackingLog, StringComparison.OrdinalIgnoreCase))
        {
            folder = Path.GetFullPath(Path.Combine(input.PipelineDirectory, log));
            Directory.CreateDirectory(folder);
            reporter.Info($"Prediction log: {folder}");
        }

        return new ServedExtras(serve, challenger, directory, folder, input.TrackingUri);
    }

    /// <summary>The server's switches for the local process.</summary>
    public IReadOnlyList<string> ProcessArguments()
    {
        var arguments = new List<string>();
        if (ChallengerDirectory is not null)
        {
            arguments.AddRange(["--challenger", ChallengerDirectory, "--challenger-version", ChallengerLabel!,
                "--split", Serve.Split.ToString(CultureInfo.InvariantCulture), "--sticky-header", Serve.StickyHeader]);
            if (Serve.Shadow)
                arguments.AddRange(["--shadow", "true"]);
        }

        if (Serve.LogPredictions is not null)
        {
            arguments.AddRange(["--log-predictions", LogFolder ?? ServeSpec.TrackingLog, "--log-inputs", Serve.LogInputs,
                "--log-sample", Serve.LogSample.ToString(CultureInfo.InvariantCulture)]);
        }

        return arguments;
    }

    /// <summary>The local process's environment: the tracking store for <c>log_predictions: tracking</c> (in the environment,
    /// not on the command line, where a password in the URI would show in the process list).</summary>
    public IReadOnlyDictionary<string, string> ProcessEnvironment() =>
        Serve.LogPredictions is not null && LogFolder is null && TrackingUri is not null
            ? new Dictionary<string, string> { ["Scoring__TrackingUri"] = TrackingUri }
            : new Dictionary<string, string>();

    /// <summary>The challenger's settings baked into the image (the model is copied beside the champion's).</summary>
    public IReadOnlyDictionary<string, string> ImageEnvironment() => ChallengerDirectory is null
        ? new Dictionary<string, string>()
        : new Dictionary<string, string>
        {
            ["Scoring__Challenger"] = ServingImageOptions.ChallengerPathInImage,
            ["Scoring__ChallengerVersion"] = ChallengerLabel!,
            ["Scoring__Split"] = Serve.Split.ToString(CultureInfo.InvariantCulture),
            ["Scoring__Shadow"] = Serve.Shadow ? "true" : "false",
            ["Scoring__StickyHeader"] = Serve.StickyHeader,
        };

    /// <summary>The prediction log's settings for the container run: a mounted folder, or a tracking server it can reach.</summary>
    public (IReadOnlyDictionary<string, string> Environment, IReadOnlyDictionary<string, string> Mounts) ContainerLog()
    {
        if (Serve.LogPredictions is null)
            return (new Dictionary<string, string>(), new Dictionary<string, string>());
        var environment = new Dictionary<string, string>
        {
            ["Scoring__PredictionLog__Inputs"] = Serve.LogInputs,
            ["Scoring__PredictionLog__Sample"] = Serve.LogSample.ToString(CultureInfo.InvariantCulture),
        };
        if (LogFolder is { } folder)
        {
            // The container's user (uid 10001) is not the host user who owns the folder, and under a rootless engine its
            // uid is mapped anew: a folder writable by all is what works everywhere.
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
            environment["Scoring__PredictionLog__Target"] = LogPathInContainer;
            return (environment, new Dictionary<string, string> { [folder] = LogPathInContainer });
        }

        if (TrackingUri is null || !(TrackingUri.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || TrackingUri.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            throw new PipelineException(
                $"DockerServe: serve.log_predictions is tracking, but the container cannot reach the tracking store {TrackingUri ?? "(none)"}: " +
                "only an http(s):// tracking server is reachable from it. Log to a folder (serve.log_predictions: prediction-log) or track on a server.");
        environment["Scoring__PredictionLog__Target"] = ServeSpec.TrackingLog;
        environment["Scoring__TrackingUri"] = TrackingUri;
        return (environment, new Dictionary<string, string>());
    }
}
