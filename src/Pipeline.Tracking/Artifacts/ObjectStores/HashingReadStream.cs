using System.Security.Cryptography;

namespace Pipeline.Tracking.Artifacts.ObjectStores;

/// <summary>
/// A forward-only read view of a source stream that counts and SHA-256-hashes every byte read through it, so an upload
/// learns the artifact's size and digest in the same single pass that sends it. <see cref="Length"/> is the bytes read
/// so far (the clients treat the stream as of unknown length: it cannot seek).
/// </summary>
internal sealed class HashingReadStream(Stream source) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _read;
    private string? _sha256;

    /// <summary>The lowercase hex SHA-256 of everything read; reading further after asking is an error.</summary>
    public string Sha256 => _sha256 ??= Convert.ToHexStringLower(_hash.GetHashAndReset());

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _read;

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = source.Read(buffer);
        Add(buffer[..n]);
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Add(buffer.Span[..n]);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _hash.Dispose();
        base.Dispose(disposing);
    }

    private void Add(ReadOnlySpan<byte> bytes)
    {
        if (_sha256 is not null && bytes.Length > 0)
            throw new InvalidOperationException("The digest was already taken");
        _hash.AppendData(bytes);
        _read += bytes.Length;
    }
}
