namespace Pipeline.Tracking.Artifacts;

public sealed partial class LocalArtifactRepository
{
    /// <inheritdoc />
    /// <remarks>An absent folder or a file path lists as empty, as in MLflow. Symbolic links are left out.</remarks>
    public Task<IReadOnlyList<ArtifactEntry>> ListAsync(string? artifactDirectory = null, CancellationToken ct = default)
    {
        var (full, _) = Resolve(artifactDirectory, allowRoot: true);
        var folder = new DirectoryInfo(full);
        if (!folder.Exists)
            return Task.FromResult<IReadOnlyList<ArtifactEntry>>([]);
        IReadOnlyList<ArtifactEntry> entries = folder.EnumerateFileSystemInfos()
            .Where(e => !IsLink(e))
            .Select(e => e is FileInfo file
                ? new ArtifactEntry(RelativeOf(file.FullName), false, file.Length)
                : new ArtifactEntry(RelativeOf(e.FullName), true, null))
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(entries);
    }

    /// <inheritdoc />
    public Task<Stream> OpenReadAsync(string artifactPath, CancellationToken ct = default)
    {
        var (full, relative) = Resolve(artifactPath, allowRoot: false);
        if (Directory.Exists(full))
            throw new TrackingException(ErrorCode.InvalidParameterValue, $"Artifact '{relative}' is a folder, not a file");
        if (!File.Exists(full))
            throw NotFound(relative);
        Stream stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Task.FromResult(stream);
    }

    /// <inheritdoc />
    /// <remarks>
    /// As MLflow's <c>download_artifacts</c>, the artifact lands at <c>localDestination/artifactPath</c> (the whole
    /// root lands in <paramref name="localDestination"/> when the path is empty). A symbolic link inside a
    /// downloaded folder is refused rather than followed.
    /// </remarks>
    public async Task<string> DownloadAsync(string artifactPath, string localDestination, CancellationToken ct = default)
    {
        var (full, relative) = Resolve(artifactPath, allowRoot: true);
        var destination = Path.GetFullPath(Path.Join(localDestination, relative));
        if (File.Exists(full))
        {
            await CopyFileAsync(full, destination, ct).ConfigureAwait(false);
            return destination;
        }
        if (!Directory.Exists(full))
            throw NotFound(relative);

        Directory.CreateDirectory(destination);
        foreach (var entry in LocalTree.Walk(new DirectoryInfo(full)))
        {
            if (IsLink(entry))
                throw ArtifactPath.Unsafe(RelativeOf(entry.FullName), $"it is a symbolic link (to '{entry.LinkTarget}'); links are not followed");
            var target = Path.Join(destination, Path.GetRelativePath(full, entry.FullName));
            if (entry is FileInfo)
                await CopyFileAsync(entry.FullName, target, ct).ConfigureAwait(false);
            else
                Directory.CreateDirectory(target);
        }
        return destination;
    }

    /// <inheritdoc />
    /// <remarks>Deleting what does not exist does nothing, as in MLflow. A link inside a deleted folder is removed, never its target.</remarks>
    public Task DeleteAsync(string? artifactPath = null, CancellationToken ct = default)
    {
        var (full, _) = Resolve(artifactPath, allowRoot: true);
        if (File.Exists(full))
            File.Delete(full);
        else if (Directory.Exists(full))
            Directory.Delete(full, recursive: true);
        return Task.CompletedTask;
    }

    private static async Task CopyFileAsync(string source, string destination, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        await using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using var output = new FileStream(destination, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
        await input.CopyToAsync(output, ct).ConfigureAwait(false);
    }

    private static TrackingException NotFound(string relative) =>
        new(ErrorCode.ResourceDoesNotExist, $"Artifact '{relative}' does not exist");
}
