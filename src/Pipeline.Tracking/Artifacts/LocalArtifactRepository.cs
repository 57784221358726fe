namespace Pipeline.Tracking.Artifacts;

/// <summary>
/// Artifacts in a local folder (<c>file://</c> URIs or plain paths), as MLflow's <c>LocalArtifactRepository</c>.
/// Every artifact path is checked so nothing is read or written outside the root: <c>..</c>, absolute paths,
/// backslashes, NUL and symbolic links anywhere below the root are refused with INVALID_PARAMETER_VALUE.
/// Files are written to a temporary file in the same folder and renamed into place, so a reader never sees
/// a half-written artifact; size and SHA-256 are computed while the bytes stream through.
/// </summary>
/// <remarks>
/// The root folder is created on the first write. The checks run before each operation; a process that
/// swaps a folder for a link between the check and the use is outside what a path check can stop.
/// </remarks>
public sealed partial class LocalArtifactRepository : IArtifactRepository
{
    private readonly string _root;

    /// <summary>Opens the repository rooted at <paramref name="rootUriOrPath"/>: <c>file:///abs/path</c> or a local path (relative to the current folder).</summary>
    public LocalArtifactRepository(string rootUriOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootUriOrPath);
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(LocalPathOf(rootUriOrPath)));
        RootUri = new Uri(_root).AbsoluteUri;
    }

    /// <inheritdoc />
    public string RootUri { get; }

    /// <summary>The root as a local folder path.</summary>
    public string RootPath => _root;

    /// <inheritdoc />
    public async Task<ArtifactFile> WriteAsync(string artifactPath, Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var (full, relative) = Resolve(artifactPath, allowRoot: false);
        if (Directory.Exists(full))
            throw new TrackingException(ErrorCode.InvalidParameterValue, $"Cannot write artifact '{relative}': it is a folder");
        var folder = Path.GetDirectoryName(full)!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (IOException e)
        {
            throw new TrackingException(ErrorCode.InvalidParameterValue, $"Cannot write artifact '{relative}': a parent of it is a file", e);
        }

        // A fixed-length name: the artifact's own name may already be at the file system's length limit.
        var temp = Path.Join(folder, $".artifact-{Guid.NewGuid():N}.tmp");
        try
        {
            (long Size, string Sha256) written;
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                written = await HashingCopy.CopyAsync(content, output, ct).ConfigureAwait(false);
                output.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
            return new ArtifactFile(relative, written.Size, written.Sha256);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<ArtifactFile> LogFileAsync(string localFile, string? artifactDirectory = null, CancellationToken ct = default)
    {
        if (!File.Exists(localFile))
            throw new TrackingException(ErrorCode.InvalidParameterValue, $"Local file '{localFile}' does not exist");
        var target = ArtifactPath.Join([.. ArtifactPath.Split(artifactDirectory, allowRoot: true), Path.GetFileName(localFile)]);
        await using var input = new FileStream(localFile, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await WriteAsync(target, input, ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>Files are written in ordinal path order; linked folders in the source are skipped.</remarks>
    public async Task<IReadOnlyList<ArtifactFile>> LogDirectoryAsync(string localDirectory, string? artifactDirectory = null, CancellationToken ct = default)
    {
        if (!Directory.Exists(localDirectory))
            throw new TrackingException(ErrorCode.InvalidParameterValue, $"Local folder '{localDirectory}' does not exist");
        var prefix = ArtifactPath.Split(artifactDirectory, allowRoot: true);
        // Linked files are copied (they are the caller's own files, as MLflow copies them); linked folders are
        // not descended, so a link to an ancestor cannot loop.
        var files = LocalTree.Walk(new DirectoryInfo(localDirectory))
            .Where(e => e is FileInfo)
            .Select(f => Path.GetRelativePath(localDirectory, f.FullName))
            .Order(StringComparer.Ordinal);
        var written = new List<ArtifactFile>();
        foreach (var relative in files)
        {
            var target = ArtifactPath.Join([.. prefix, .. relative.Split(Path.DirectorySeparatorChar)]);
            await using var input = new FileStream(Path.Join(localDirectory, relative), FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            written.Add(await WriteAsync(target, input, ct).ConfigureAwait(false));
        }
        return written;
    }

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (IOException)
        {
            // The original error matters more than a leftover temp file (hidden by its leading dot).
        }
    }

    private static string LocalPathOf(string rootUriOrPath)
    {
        if (!rootUriOrPath.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            return rootUriOrPath;
        if (!Uri.TryCreate(rootUriOrPath, UriKind.Absolute, out var uri) || !uri.IsFile)
            throw new TrackingException(ErrorCode.InvalidParameterValue, $"Invalid file URI '{rootUriOrPath}'");
        if (uri.Host.Length > 0 && !uri.IsLoopback)
            throw new TrackingException(ErrorCode.InvalidParameterValue, $"File URI '{rootUriOrPath}' names a remote host '{uri.Host}'; only local folders are supported");
        return uri.LocalPath;
    }
}
