using System.Buffers;
using System.Security.Cryptography;

namespace Pipeline.Tracking.Artifacts;

/// <summary>Copies a stream while counting its bytes and hashing them with SHA-256, in one pass.</summary>
internal static class HashingCopy
{
    private const int BufferSize = 81920;

    /// <summary>Returns the byte count and the lowercase hex SHA-256 of what was copied.</summary>
    public static async Task<(long Size, string Sha256)> CopyAsync(Stream source, Stream destination, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long size = 0;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), ct).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await destination.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
                size += read;
            }
            return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
