using System.Security.Cryptography;
using Docker.DotNet;

namespace Pipeline.Docker.Registry;

/// <summary>Writes images as one <c>docker save</c> archive (loadable with <c>docker load</c>) for air-gapped releases.</summary>
public static class ImageArchive
{
    /// <summary>Saves <paramref name="references"/> (their tags kept) to <paramref name="path"/>, through a temporary file
    /// beside it so a failed save leaves no partial archive.</summary>
    /// <returns>The archive's sha256 (lowercase hex) and size in bytes.</returns>
    /// <exception cref="DockerOperationException">The engine could not save them.</exception>
    public static async Task<(string Sha256, long Bytes)> SaveAsync(
        DockerEngine engine, IReadOnlyList<string> references, string path, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var partial = full + ".partial";
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long bytes = 0;
            await using (var source = await engine.Client.Images.SaveImagesAsync([.. references], cancellationToken).ConfigureAwait(false))
            await using (var target = File.Create(partial))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    bytes += read;
                }
            }
            File.Move(partial, full, overwrite: true);
            return (Convert.ToHexStringLower(hash.GetHashAndReset()), bytes);
        }
        catch (DockerApiException e)
        {
            throw new DockerOperationException($"saving {string.Join(", ", references)} to {full}: the engine refused ({e.StatusCode}): {e.ResponseBody}", e);
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
