using System.Security.Cryptography;
using Pipeline.Tracking.Artifacts;

namespace Pipeline.Tracking.Tests.Fakes;

/// <summary>
/// TEST HELPER, not the product's LocalArtifactRepository: writes artifacts under a local folder so tests can
/// read what code logged. Only writes, single-file copies and reads are implemented.
/// </summary>
public sealed class FolderArtifactRepository(string rootFolder) : IArtifactRepository
{
    /// <summary>Opens a <c>file://</c> artifact URI, the shape of factory <c>TrackingClient</c> takes.</summary>
    public static IArtifactRepository Open(string artifactUri) => new FolderArtifactRepository(new Uri(artifactUri).LocalPath);

    public string RootUri => new Uri(rootFolder).AbsoluteUri;

    public async Task<ArtifactFile> WriteAsync(string artifactPath, Stream content, CancellationToken ct = default)
    {
        var target = Resolve(artifactPath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using (var file = File.Create(target))
        {
            await content.CopyToAsync(file, ct);
        }

        return Describe(artifactPath, target);
    }

    public async Task<ArtifactFile> LogFileAsync(string localFile, string? artifactDirectory = null, CancellationToken ct = default)
    {
        await using var source = File.OpenRead(localFile);
        var name = Path.GetFileName(localFile);
        return await WriteAsync(artifactDirectory is null ? name : $"{artifactDirectory}/{name}", source, ct);
    }

    public Task<Stream> OpenReadAsync(string artifactPath, CancellationToken ct = default) =>
        Task.FromResult<Stream>(File.OpenRead(Resolve(artifactPath)));

    public Task<IReadOnlyList<ArtifactEntry>> ListAsync(string? artifactDirectory = null, CancellationToken ct = default)
    {
        var folder = artifactDirectory is null ? rootFolder : Resolve(artifactDirectory);
        IReadOnlyList<ArtifactEntry> entries = Directory.Exists(folder)
            ? [.. Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal).Select(Entry)]
            : [];
        return Task.FromResult(entries);
    }

    public Task<IReadOnlyList<ArtifactFile>> LogDirectoryAsync(string localDirectory, string? artifactDirectory = null, CancellationToken ct = default) =>
        throw new NotSupportedException();

    public Task<string> DownloadAsync(string artifactPath, string localDestination, CancellationToken ct = default) =>
        throw new NotSupportedException();

    public Task DeleteAsync(string? artifactPath = null, CancellationToken ct = default) => throw new NotSupportedException();

    private string Resolve(string artifactPath) => Path.Combine(rootFolder, artifactPath.Replace('/', Path.DirectorySeparatorChar));

    private ArtifactEntry Entry(string fullPath)
    {
        var relative = Path.GetRelativePath(rootFolder, fullPath).Replace(Path.DirectorySeparatorChar, '/');
        return Directory.Exists(fullPath) ? new ArtifactEntry(relative, true, null) : new ArtifactEntry(relative, false, new FileInfo(fullPath).Length);
    }

    private static ArtifactFile Describe(string artifactPath, string target)
    {
        var bytes = File.ReadAllBytes(target);
        return new ArtifactFile(artifactPath, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }
}
