namespace Pipeline.Tracking.Artifacts;

/// <summary>
/// Where a run's (or a model's) files live, chosen by URI scheme (MLflow's <c>ArtifactRepository</c>).
/// Every artifact path is relative to the repository's root; implementations refuse any path that would
/// resolve outside it (<c>..</c>, absolute paths, symlinks).
/// </summary>
public interface IArtifactRepository
{
    /// <summary>The repository's root URI, e.g. <c>file:///work/mlartifacts/1/abc.../artifacts</c>.</summary>
    string RootUri { get; }

    /// <summary>Copies one local file under <paramref name="artifactDirectory"/> (root when null), keeping its file name.</summary>
    Task<ArtifactFile> LogFileAsync(string localFile, string? artifactDirectory = null, CancellationToken ct = default);

    /// <summary>Copies a local folder's contents recursively under <paramref name="artifactDirectory"/>.</summary>
    Task<IReadOnlyList<ArtifactFile>> LogDirectoryAsync(string localDirectory, string? artifactDirectory = null, CancellationToken ct = default);

    /// <summary>Writes <paramref name="content"/> to <paramref name="artifactPath"/> (a file path relative to the root).</summary>
    Task<ArtifactFile> WriteAsync(string artifactPath, Stream content, CancellationToken ct = default);

    /// <summary>The direct children of <paramref name="artifactDirectory"/> (root when null), as MLflow lists them.</summary>
    Task<IReadOnlyList<ArtifactEntry>> ListAsync(string? artifactDirectory = null, CancellationToken ct = default);

    /// <summary>Opens a file for reading; throws <see cref="TrackingException"/> with RESOURCE_DOES_NOT_EXIST when absent.</summary>
    Task<Stream> OpenReadAsync(string artifactPath, CancellationToken ct = default);

    /// <summary>Copies a file or folder to <paramref name="localDestination"/>; returns the local path written.</summary>
    Task<string> DownloadAsync(string artifactPath, string localDestination, CancellationToken ct = default);

    /// <summary>Deletes a file or folder (the whole root when null).</summary>
    Task DeleteAsync(string? artifactPath = null, CancellationToken ct = default);
}

/// <summary>A written artifact: its path relative to the root, size in bytes and lowercase hex sha256.</summary>
public sealed record ArtifactFile(string Path, long Size, string Sha256);

/// <summary>A listing entry with MLflow's <c>FileInfo</c> fields; <paramref name="FileSize"/> is null for folders.</summary>
public sealed record ArtifactEntry(string Path, bool IsDir, long? FileSize);
