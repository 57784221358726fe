using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Pipeline.Docker;

/// <summary>
/// Builds a serving image: the published server under <c>/app</c> (and, when given, a .NET runtime under
/// <c>/usr/share/dotnet</c>), the model under <c>/opt/ml/model</c>, OCI and
/// model labels, a non-root <c>USER</c>, a <c>HEALTHCHECK</c> that runs the server binary with
/// <c>--healthcheck</c> (no curl in a scratch image), tagged <c>&lt;repository&gt;:&lt;version&gt;</c> and
/// <c>&lt;repository&gt;:&lt;alias&gt;</c>. Uses the engine's classic builder; a failed step is an error
/// carrying the end of the build log, although the engine answers such a build with HTTP 200.
/// </summary>
public sealed class ServingImageBuilder(DockerEngine engine, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>Builds and tags the image.</summary>
    /// <param name="options">What to build.</param>
    /// <param name="log">Receives each build log line as it arrives; default none.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <exception cref="ArgumentException">Invalid options (names the option).</exception>
    /// <exception cref="DockerOperationException">A build step failed; the message carries the log's last lines.</exception>
    public async Task<ServingImage> BuildAsync(
        ServingImageOptions options, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        var entryFile = ServingImageValidation.Validate(options);
        var started = _time.GetTimestamp();
        var repository = options.ImageRepository ?? ImageReference.RepositoryFor(options.ModelName);
        List<string> tags = [$"{repository}:{options.ModelVersion}"];
        if (options.Alias is not null)
            tags.Add($"{repository}:{options.Alias}");

        var folders = new List<(string, string)> { (options.PublishFolder, "app") };
        if (options.RuntimeFolder is not null)
            folders.Add((options.RuntimeFolder, "dotnet"));
        if (options.ModelDirectory is not null)
            folders.Add((options.ModelDirectory, "model"));
        if (options.ChallengerDirectory is not null)
            folders.Add((options.ChallengerDirectory, "challenger"));
        var dockerfile = ServingDockerfile.Render(options, entryFile, Labels(options));
        await using var context = await BuildContext.WriteAsync(dockerfile, folders, cancellationToken).ConfigureAwait(false);

        var replaced = await ImageIdAsync(tags[0], cancellationToken).ConfigureAwait(false);
        var buildLog = new BuildLog(log);
        var parameters = new ImageBuildParameters
        {
            Dockerfile = "Dockerfile",
            Tags = tags,
            Remove = true,
            ForceRemove = true,
            NoCache = options.NoCache,
        };
        try
        {
            await engine.Client.Images.BuildImageFromDockerfileAsync(parameters, context, null, null, buildLog, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (DockerApiException e)
        {
            throw new DockerOperationException($"building {tags[0]}: the engine refused the build ({e.StatusCode}): {e.ResponseBody}\n{buildLog.Tail(20)}", e);
        }
        buildLog.ThrowIfFailed($"building {tags[0]}");

        ImageInspectResponse image;
        try
        {
            image = await engine.Client.Images.InspectImageAsync(tags[0], cancellationToken).ConfigureAwait(false);
        }
        catch (DockerImageNotFoundException e)
        {
            throw new DockerOperationException($"building {tags[0]}: the build ended without an image. Last lines of the build log:\n{buildLog.Tail(30)}", e);
        }
        if (replaced is not null && replaced != image.ID)
            await RemoveIfUntaggedAsync(replaced).ConfigureAwait(false);
        var labels = image.Config?.Labels is { } l ? new Dictionary<string, string>(l) : [];
        return new ServingImage(image.ID, tags, image.Size, labels, _time.GetElapsedTime(started));
    }

    private async Task<string?> ImageIdAsync(string reference, CancellationToken cancellationToken)
    {
        try
        {
            return (await engine.Client.Images.InspectImageAsync(reference, cancellationToken).ConfigureAwait(false)).ID;
        }
        catch (DockerImageNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// A rebuild moves the tags to a new image (the creation label alone makes it new); the old one would stay
    /// behind untagged on every CI run. It goes unless something still uses or names it.
    /// </summary>
    private async Task RemoveIfUntaggedAsync(string imageId)
    {
        try
        {
            var old = await engine.Client.Images.InspectImageAsync(imageId).ConfigureAwait(false);
            if (old.RepoTags is null || old.RepoTags.Count == 0)
                await engine.Client.Images.DeleteImageAsync(imageId, new ImageDeleteParameters()).ConfigureAwait(false);
        }
        catch (DockerApiException)
        {
            // In use by a container, or already gone: leaving it is harmless.
        }
    }

    private Dictionary<string, string> Labels(ServingImageOptions o)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ImageLabels.Title] = o.ModelName,
            [ImageLabels.Version] = o.ModelVersion,
            [ImageLabels.Created] = _time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            [ImageLabels.Description] = o.Description ?? $"Serves model {o.ModelName} version {o.ModelVersion}",
            [ImageLabels.BaseName] = o.BaseImage,
            [ImageLabels.ModelName] = o.ModelName,
            [ImageLabels.ModelVersion] = o.ModelVersion,
        };
        if (o.GitCommit is not null)
        {
            labels[ImageLabels.Revision] = o.GitCommit;
            labels[ImageLabels.GitCommit] = o.GitCommit;
        }
        if (o.RunId is not null)
            labels[ImageLabels.RunId] = o.RunId;
        if (o.Source is not null)
            labels[ImageLabels.Source] = o.Source;
        foreach (var (key, value) in o.Labels)
            labels[key] = value;
        return labels;
    }
}
