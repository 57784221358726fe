using System.Net;
using System.Security.Cryptography;

namespace Pipeline.Tracking.Artifacts;

public sealed partial class HttpArtifactRepository
{
    /// <inheritdoc />
    /// <remarks>As the local repository: the artifact lands at <c>localDestination/artifactPath</c>; a folder is copied whole.</remarks>
    public async Task<string> DownloadAsync(string artifactPath, string localDestination, CancellationToken ct = default)
    {
        var relative = ArtifactPath.Join(ArtifactPath.Split(artifactPath, allowRoot: true));
        var destination = Path.GetFullPath(Path.Join(localDestination, relative));
        var children = await ListAsync(relative, ct).ConfigureAwait(false);
        if (children.Count == 0 && relative.Length > 0)
        {
            await DownloadFileAsync(relative, destination, ct).ConfigureAwait(false);
            return destination;
        }

        Directory.CreateDirectory(destination);
        foreach (var child in children)
        {
            // Paths come from the server: check them again so a hostile listing cannot write outside the destination.
            var safe = ArtifactPath.Join(ArtifactPath.Split(child.Path, allowRoot: false));
            if (child.IsDir)
                await DownloadAsync(safe, localDestination, ct).ConfigureAwait(false);
            else
                await DownloadFileAsync(safe, Path.GetFullPath(Path.Join(localDestination, safe)), ct).ConfigureAwait(false);
        }

        return destination;
    }

    private async Task DownloadFileAsync(string relative, string destination, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        await using var input = await OpenReadAsync(relative, ct).ConfigureAwait(false);
        await using var output = new FileStream(destination, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
        await input.CopyToAsync(output, ct).ConfigureAwait(false);
    }

    /// <summary>Request content that streams a source once, counting and hashing it on the way.</summary>
    private sealed class HashingContent(Stream source) : HttpContent
    {
        public long Size { get; private set; }

        public string Sha256 { get; private set; } = Convert.ToHexStringLower(SHA256.HashData(ReadOnlySpan<byte>.Empty));

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            (Size, Sha256) = await HashingCopy.CopyAsync(source, stream, CancellationToken.None).ConfigureAwait(false);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken ct) =>
            (Size, Sha256) = await HashingCopy.CopyAsync(source, stream, ct).ConfigureAwait(false);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
