namespace Pipeline.Tracking.Artifacts.ObjectStores;

/// <summary>
/// What S3 and Azure Blob share: a flat key space under a root prefix, where "folders" are key prefixes ending in
/// <c>/</c>. Paths are checked as by the local repository before any request; a subclass supplies the five object
/// primitives (put, open, list one level, list everything below, delete). Listing follows MLflow's object-store
/// repositories: the direct children of a folder, folders from common prefixes, paths relative to the root, sorted;
/// a missing folder lists as empty.
/// </summary>
public abstract partial class ObjectStoreArtifactRepository : IArtifactRepository
{
    /// <summary>Opens the repository whose root is <paramref name="rootUri"/> with keys under <paramref name="rootPrefix"/>.</summary>
    /// <param name="rootUri">The URI as given (kept for <see cref="RootUri"/>).</param>
    /// <param name="rootPrefix">The key prefix of the root, without leading or trailing <c>/</c> (empty for a bucket root).</param>
    protected ObjectStoreArtifactRepository(string rootUri, string rootPrefix)
    {
        RootUri = rootUri;
        RootPrefix = ArtifactPath.Join(ArtifactPath.Split(rootPrefix, allowRoot: true));
    }

    /// <inheritdoc />
    public string RootUri { get; }

    /// <summary>The root's key prefix without a trailing <c>/</c>; empty at a bucket or container root.</summary>
    protected string RootPrefix { get; }

    /// <summary>Stores <paramref name="content"/> (read once, to its end) at <paramref name="key"/>, replacing any object there.</summary>
    protected abstract Task PutObjectAsync(string key, Stream content, CancellationToken ct);

    /// <summary>Opens the object at <paramref name="key"/> for streaming; null when there is none.</summary>
    protected abstract Task<Stream?> OpenObjectAsync(string key, CancellationToken ct);

    /// <summary>One level below <paramref name="prefix"/> (ending in <c>/</c>): the common prefixes and the objects with sizes.</summary>
    protected abstract Task<(IReadOnlyList<string> Prefixes, IReadOnlyList<(string Key, long Size)> Objects)> ListLevelAsync(string prefix, CancellationToken ct);

    /// <summary>Every object key starting with <paramref name="prefix"/>, at any depth.</summary>
    protected abstract IAsyncEnumerable<string> ListAllAsync(string prefix, CancellationToken ct);

    /// <summary>Deletes the objects at <paramref name="keys"/> (absent ones are not an error).</summary>
    protected abstract Task DeleteObjectsAsync(IReadOnlyList<string> keys, CancellationToken ct);

    /// <inheritdoc />
    public async Task<ArtifactFile> WriteAsync(string artifactPath, Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var relative = ArtifactPath.Join(ArtifactPath.Split(artifactPath, allowRoot: false));
        await using var hashing = new HashingReadStream(content);
        await PutObjectAsync(KeyOf(relative), hashing, ct).ConfigureAwait(false);
        // Drains what the client did not read (nothing, for the clients used here) so the hash covers the whole source.
        await hashing.CopyToAsync(Stream.Null, ct).ConfigureAwait(false);
        return new ArtifactFile(relative, hashing.Length, hashing.Sha256);
    }

    /// <inheritdoc />
    public async Task<ArtifactFile> LogFileAsync(string localFile, string? artifactDirectory = null, CancellationToken ct = default)
    {
        if (!File.Exists(localFile))
            throw new TrackingException(ErrorCode.InvalidParameterValue, $"Local file '{localFile}' does not exist");
        var target = ArtifactPath.Join([.. ArtifactPath.Split(artifactDirectory, allowRoot: true), Path.GetFileName(localFile)]);
        await using var input = OpenLocal(localFile);
        return await WriteAsync(target, input, ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>Files are written in ordinal path order; linked folders in the source are skipped, as by the local repository.</remarks>
    public async Task<IReadOnlyList<ArtifactFile>> LogDirectoryAsync(string localDirectory, string? artifactDirectory = null, CancellationToken ct = default)
    {
        if (!Directory.Exists(localDirectory))
            throw new TrackingException(ErrorCode.InvalidParameterValue, $"Local folder '{localDirectory}' does not exist");
        var prefix = ArtifactPath.Split(artifactDirectory, allowRoot: true);
        var files = LocalTree.Walk(new DirectoryInfo(localDirectory))
            .Where(e => e is FileInfo)
            .Select(f => Path.GetRelativePath(localDirectory, f.FullName))
            .Order(StringComparer.Ordinal);
        var written = new List<ArtifactFile>();
        foreach (var relative in files)
        {
            var target = ArtifactPath.Join([.. prefix, .. relative.Split(Path.DirectorySeparatorChar)]);
            await using var input = OpenLocal(Path.Join(localDirectory, relative));
            written.Add(await WriteAsync(target, input, ct).ConfigureAwait(false));
        }
        return written;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ArtifactEntry>> ListAsync(string? artifactDirectory = null, CancellationToken ct = default)
    {
        var relative = ArtifactPath.Join(ArtifactPath.Split(artifactDirectory, allowRoot: true));
        var (prefixes, objects) = await ListLevelAsync(FolderKeyOf(relative), ct).ConfigureAwait(false);
        var folderKey = FolderKeyOf(relative);
        return prefixes.Select(p => new ArtifactEntry(RelativeOf(p.TrimEnd('/')), true, null))
            // A zero-byte "folder marker" object named like the folder itself (some tools write them) is not a file.
            .Concat(objects.Where(o => o.Key != folderKey).Select(o => new ArtifactEntry(RelativeOf(o.Key), false, o.Size)))
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ToList();
    }

    /// <inheritdoc />
    public async Task<Stream> OpenReadAsync(string artifactPath, CancellationToken ct = default)
    {
        var relative = ArtifactPath.Join(ArtifactPath.Split(artifactPath, allowRoot: false));
        return await OpenObjectAsync(KeyOf(relative), ct).ConfigureAwait(false) ?? throw await MissingAsync(relative, ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string? artifactPath = null, CancellationToken ct = default)
    {
        var relative = ArtifactPath.Join(ArtifactPath.Split(artifactPath, allowRoot: true));
        var keys = new List<string>();
        if (relative.Length > 0)
            keys.Add(KeyOf(relative));
        await foreach (var key in ListAllAsync(FolderKeyOf(relative), ct).ConfigureAwait(false))
            keys.Add(key);
        if (keys.Count > 0)
            await DeleteObjectsAsync(keys, ct).ConfigureAwait(false);
    }

    /// <summary>The object key of a checked relative artifact path.</summary>
    protected string KeyOf(string relative) => RootPrefix.Length == 0 ? relative : relative.Length == 0 ? RootPrefix : $"{RootPrefix}/{relative}";

    /// <summary>The key prefix of a folder (ending in <c>/</c>; empty for the root of a bucket).</summary>
    protected string FolderKeyOf(string relative)
    {
        var key = KeyOf(relative);
        return key.Length == 0 ? "" : key + "/";
    }

    private string RelativeOf(string key) => RootPrefix.Length == 0 ? key : key[(RootPrefix.Length + 1)..];

    private async Task<TrackingException> MissingAsync(string relative, CancellationToken ct)
    {
        var (prefixes, objects) = await ListLevelAsync(FolderKeyOf(relative), ct).ConfigureAwait(false);
        return prefixes.Count + objects.Count > 0
            ? new TrackingException(ErrorCode.InvalidParameterValue, $"Artifact '{relative}' is a folder, not a file")
            : new TrackingException(ErrorCode.ResourceDoesNotExist, $"Artifact '{relative}' does not exist");
    }

    private static FileStream OpenLocal(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
}
