using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Serving.Protocol;

/// <summary>
/// Reads a request body into a buffer, refusing (413) bodies over the configured limit. Buffers up to 1 MiB come from
/// the shared pool; larger ones are plain arrays the GC frees, because the shared pool keeps what it is given back and a
/// 50 MiB body would stay resident long after its request.
/// </summary>
internal sealed class RequestBodyReader : IDisposable
{
    private byte[] _buffer = [];

    public int Length { get; private set; }

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    public async Task ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        _buffer = Rent((int)Math.Min(request.ContentLength ?? 16 * 1024, limit) + 1);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(_buffer.AsMemory(Length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                Length += read;
                if (Length > limit)
                {
                    throw TooLarge(limit);
                }

                if (Length == _buffer.Length)
                {
                    var bigger = Rent((int)Math.Min((long)_buffer.Length * 2, limit + 1));
                    _buffer.AsSpan(0, Length).CopyTo(bigger);
                    Return(_buffer);
                    _buffer = bigger;
                }
            }
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own limit or a broken chunked encoding: the status it chose (413, 400) stands.
            throw ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? TooLarge(limit)
                : new ScoringException($"The request body could not be read: {ex.Message}", ScoringErrorCodes.BadRequest, ex.StatusCode);
        }
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            Return(_buffer);
            _buffer = [];
        }
    }

    private const int PooledLimit = 1024 * 1024;

    private static byte[] Rent(int length) =>
        length <= PooledLimit ? ArrayPool<byte>.Shared.Rent(length) : GC.AllocateUninitializedArray<byte>(length);

    private static void Return(byte[] buffer)
    {
        if (buffer.Length <= PooledLimit)
            ArrayPool<byte>.Shared.Return(buffer);
    }

    private static ScoringException TooLarge(long limit) => new(
        $"The request body is larger than the server's limit of {limit} bytes (Scoring:MaxRequestBodyBytes); send fewer rows per request.",
        ScoringErrorCodes.BadRequest,
        StatusCodes.Status413PayloadTooLarge);
}
