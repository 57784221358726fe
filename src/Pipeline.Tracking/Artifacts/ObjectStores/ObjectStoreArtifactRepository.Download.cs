namespace Pipeline.Tracking.Artifacts.ObjectStores;

public abstract partial class ObjectStoreArtifactRepository
{
    /// <inheritdoc />
    /// <remarks>
    /// As the local repository: the artifact lands at <c>localDestination/artifactPath</c>; a folder is everything under its
    /// prefix, found by one flat listing. Every key is checked again as an artifact path, so an object named with
    /// <c>..</c> cannot write outside the destination. Each file streams to a temporary file renamed into place.
    /// </remarks>
    public async Task<string> DownloadAsync(string artifactPath, string localDestination, CancellationToken ct = default)
    {
        var relative = ArtifactPath.Join(ArtifactPath.Split(artifactPath, allowRoot: true));
        var destination = Path.GetFullPath(Path.Join(localDestination, relative));
        if (relative.Length > 0 && await OpenObjectAsync(KeyOf(relative), ct).ConfigureAwait(false) is { } single)
        {
            await using (single)
                await SaveAsync(single, destination, ct).ConfigureAwait(false);
            return destination;
        }

        var folderKey = FolderKeyOf(relative);
        var found = false;
        Directory.CreateDirectory(destination);
        await foreach (var key in ListAllAsync(folderKey, ct).ConfigureAwait(false))
        {
            found = true;
            if (key == folderKey)
                continue;
            var below = ArtifactPath.Split(key[folderKey.Length..], allowRoot: true);
            if (below.Length == 0)
                continue;
            var target = Path.Join(destination, Path.Join(below));
            await using var input = await OpenObjectAsync(key, ct).ConfigureAwait(false)
                ?? throw new TrackingException(ErrorCode.ResourceDoesNotExist, $"Artifact '{RelativeOf(key)}' disappeared while downloading");
            await SaveAsync(input, target, ct).ConfigureAwait(false);
        }

        if (!found && relative.Length > 0)
            throw new TrackingException(ErrorCode.ResourceDoesNotExist, $"Artifact '{relative}' does not exist");
        return destination;
    }

    private static async Task SaveAsync(Stream input, string destination, CancellationToken ct)
    {
        var folder = Path.GetDirectoryName(destination)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Join(folder, $".download-{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
                await input.CopyToAsync(output, 1 << 20, ct).ConfigureAwait(false);
            File.Move(temp, destination, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
