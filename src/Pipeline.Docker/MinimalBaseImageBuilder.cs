using Docker.DotNet;
using Docker.DotNet.Models;

namespace Pipeline.Docker;

/// <summary>
/// Builds, once per content, a base image <c>FROM scratch</c> holding only what a self-contained .NET app needs:
/// the dynamic loader and the libraries (copied from this Linux host), <c>/etc/passwd</c> and <c>/etc/group</c>
/// with a non-root user, a sticky world-writable <c>/tmp</c> and the user's home. No shell, no package manager:
/// about 130 MB with an ASP.NET + ML.NET app, and no registry needed. The image is tagged with a hash of its
/// content, so an unchanged base is found and reused instead of rebuilt.
/// </summary>
public sealed class MinimalBaseImageBuilder(DockerEngine engine, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>Returns the base image for <paramref name="options"/>, importing it when the engine lacks it.</summary>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    /// <exception cref="DockerOperationException">A library is missing on the host, or the engine refused the import.</exception>
    public async Task<MinimalBaseImage> EnsureAsync(MinimalBaseImageOptions options, CancellationToken cancellationToken = default)
    {
        options.Validate();
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("A minimal base image copies this host's Linux libraries: build it on Linux.");
        var started = _time.GetTimestamp();
        var libraries = await NativeLibraryResolver.ResolveAsync(options.PublishFolder, options.Libraries, cancellationToken).ConfigureAwait(false);
        var root = new RootFileSystem(libraries, options.UserName, options.UserId);
        var hash = root.ContentHash();
        var reference = $"{options.Repository}:{hash[..16]}";
        var user = $"{options.UserId}:{options.UserId}";

        if (await ExistsAsync(reference, cancellationToken).ConfigureAwait(false))
            return new MinimalBaseImage(reference, hash, true, root.FilePaths, libraries.Missing, _time.GetElapsedTime(started), user);

        using var tar = await root.ToTarAsync(cancellationToken).ConfigureAwait(false);
        var log = new BuildLog(null);
        var parameters = new ImagesCreateParameters
        {
            FromSrc = "-",
            Repo = options.Repository,
            Tag = hash[..16],
            Message = "pipeline minimal base",
            Changes = [$"LABEL {ImageLabels.BaseHash}={hash}", "ENV PATH=/usr/local/bin:/usr/bin:/bin"],
        };
        await engine.Client.Images.CreateImageAsync(parameters, tar, null, log, cancellationToken).ConfigureAwait(false);
        log.ThrowIfFailed($"importing the minimal base image {reference}");
        if (!await ExistsAsync(reference, cancellationToken).ConfigureAwait(false))
            throw new DockerOperationException($"the engine accepted the import of {reference} but has no such image afterwards:\n{log.Tail(20)}");
        return new MinimalBaseImage(reference, hash, false, root.FilePaths, libraries.Missing, _time.GetElapsedTime(started), user);
    }

    private async Task<bool> ExistsAsync(string reference, CancellationToken cancellationToken)
    {
        try
        {
            await engine.Client.Images.InspectImageAsync(reference, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DockerImageNotFoundException)
        {
            return false;
        }
    }
}
