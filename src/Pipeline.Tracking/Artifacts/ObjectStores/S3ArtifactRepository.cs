using System.Buffers;
using System.Net;
using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;

namespace Pipeline.Tracking.Artifacts.ObjectStores;

/// <summary>
/// Artifacts in Amazon S3 or an S3-compatible service (MinIO, Ceph, R2), as MLflow's <c>S3ArtifactRepository</c>:
/// <c>s3://bucket/prefix</c>, configured from MLflow's variables (<see cref="S3ClientFactory"/>). Uploads stream in parts
/// of <see cref="PartSize"/> bytes: a file smaller than one part is one PUT, a larger one a multipart upload with a few
/// parts in flight (aborted when anything fails, so no half-written object appears); memory holds a few parts, never the file. Reads stream the
/// object's body. Each part is signed whole (no <c>aws-chunked</c> streaming signature: the part is in memory anyway,
/// and S3-compatible services such as s3rver store the chunk framing as if it were the object's bytes).
/// </summary>
public sealed class S3ArtifactRepository : ObjectStoreArtifactRepository
{
    /// <summary>The multipart part size: 8 MiB, as boto3's default chunk size (S3's minimum part is 5 MiB).</summary>
    public const int PartSize = 8 * 1024 * 1024;

    /// <summary>Parts of one multipart upload sent at once: 4 (32 MiB of buffers).</summary>
    private const int PartsInFlight = 4;

    private readonly IAmazonS3 _s3;
    private readonly string _bucket;

    /// <summary>Opens <paramref name="rootUri"/> (<c>s3://bucket[/prefix]</c>) through <paramref name="s3"/> (owned by the caller).</summary>
    public S3ArtifactRepository(string rootUri, IAmazonS3 s3)
        : this(S3Location.Parse(rootUri), s3)
    {
    }

    private S3ArtifactRepository(S3Location location, IAmazonS3 s3)
        : base(location.Uri, location.Prefix)
    {
        _s3 = s3 ?? throw new ArgumentNullException(nameof(s3));
        _bucket = location.Bucket;
    }

    /// <summary>Keys per listing page (S3's <c>MaxKeys</c>; null: the service's default of 1,000). Small in tests, to page.</summary>
    internal int? PageSize { get; init; }

    /// <inheritdoc />
    protected override async Task PutObjectAsync(string key, Stream content, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(PartSize);
        try
        {
            var filled = await FillAsync(content, buffer, ct).ConfigureAwait(false);
            if (filled < PartSize)
            {
                await _s3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = key, InputStream = new MemoryStream(buffer, 0, filled, false), AutoCloseStream = false, UseChunkEncoding = false }, ct)
                    .ConfigureAwait(false);
                return;
            }
            await PutMultipartAsync(key, content, buffer, filled, ct).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e)
        {
            throw Failed("write", key, e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Reads part n+1 from the source while up to PartsInFlight parts are on the wire (boto3 overlaps parts the same way);
    // memory holds at most PartsInFlight + 1 parts. The caller owns the first buffer; the others are rented here.
    private async Task PutMultipartAsync(string key, Stream content, byte[] first, int filled, CancellationToken ct)
    {
        var upload = await _s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = _bucket, Key = key }, ct).ConfigureAwait(false);
        var inFlight = new Queue<(Task<UploadPartResponse> Upload, int Number, byte[]? Rented)>();
        var parts = new List<PartETag>();
        try
        {
            var (buffer, rented, number) = (first, (byte[]?)null, 1);
            while (filled > 0)
            {
                inFlight.Enqueue((UploadPartAsync(key, upload.UploadId, number, buffer, filled, ct), number, rented));
                number++;
                if (inFlight.Count >= PartsInFlight)
                    await CompleteOldestAsync(inFlight, parts).ConfigureAwait(false);
                buffer = rented = ArrayPool<byte>.Shared.Rent(PartSize);
                filled = await FillAsync(content, buffer, ct).ConfigureAwait(false);
            }
            ArrayPool<byte>.Shared.Return(rented!); // the last fill found the end: its buffer carries no part
            while (inFlight.Count > 0)
                await CompleteOldestAsync(inFlight, parts).ConfigureAwait(false);
            await _s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest { BucketName = _bucket, Key = key, UploadId = upload.UploadId, PartETags = parts }, ct)
                .ConfigureAwait(false);
        }
        catch
        {
            // Every part still sending ends before its buffer goes back and the upload is aborted (an unfinished
            // upload's parts are kept, and billed, until then).
            while (inFlight.Count > 0)
            {
                var (pending, _, buffer) = inFlight.Dequeue();
                await pending.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).ConfigureAwait(false);
                if (buffer is not null)
                    ArrayPool<byte>.Shared.Return(buffer);
            }
            await _s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = _bucket, Key = key, UploadId = upload.UploadId }, CancellationToken.None)
                .ConfigureAwait(false);
            throw;
        }
    }

    private Task<UploadPartResponse> UploadPartAsync(string key, string uploadId, int number, byte[] buffer, int length, CancellationToken ct) =>
        _s3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = _bucket, Key = key, UploadId = uploadId, PartNumber = number,
            InputStream = new MemoryStream(buffer, 0, length, false), PartSize = length, UseChunkEncoding = false,
        }, ct);

    private static async Task CompleteOldestAsync(Queue<(Task<UploadPartResponse> Upload, int Number, byte[]? Rented)> inFlight, List<PartETag> parts)
    {
        var (upload, number, rented) = inFlight.Peek();
        var response = await upload.ConfigureAwait(false);
        inFlight.Dequeue();
        parts.Add(new PartETag(number, response.ETag));
        if (rented is not null)
            ArrayPool<byte>.Shared.Return(rented);
    }

    /// <inheritdoc />
    protected override async Task<Stream?> OpenObjectAsync(string key, CancellationToken ct)
    {
        try
        {
            var response = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = _bucket, Key = key }, ct).ConfigureAwait(false);
            return new OwningStream(response.ResponseStream, response);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode != "NoSuchBucket")
        {
            return null;
        }
        catch (AmazonS3Exception e)
        {
            throw Failed("read", key, e);
        }
    }

    /// <inheritdoc />
    protected override async Task<(IReadOnlyList<string> Prefixes, IReadOnlyList<(string Key, long Size)> Objects)> ListLevelAsync(string prefix, CancellationToken ct)
    {
        // A set: S3 never repeats a common prefix on a later page, but some compatible services (s3rver) do.
        var prefixes = new SortedSet<string>(StringComparer.Ordinal);
        var objects = new List<(string, long)>();
        await foreach (var page in PagesAsync(prefix, "/", ct).ConfigureAwait(false))
        {
            prefixes.UnionWith(page.CommonPrefixes ?? []);
            objects.AddRange((page.S3Objects ?? []).Select(o => (o.Key, o.Size ?? 0)));
        }
        return (prefixes.ToList(), objects);
    }

    /// <inheritdoc />
    protected override async IAsyncEnumerable<string> ListAllAsync(string prefix, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var page in PagesAsync(prefix, null, ct).ConfigureAwait(false))
        {
            foreach (var o in page.S3Objects ?? [])
                yield return o.Key;
        }
    }

    /// <inheritdoc />
    protected override async Task DeleteObjectsAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        try
        {
            // One DeleteObjects call takes at most 1,000 keys.
            foreach (var chunk in keys.Chunk(1000))
            {
                await _s3.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = _bucket, Objects = chunk.Select(k => new KeyVersion { Key = k }).ToList() }, ct)
                    .ConfigureAwait(false);
            }
        }
        catch (AmazonS3Exception e)
        {
            throw Failed("delete", keys[0], e);
        }
    }

    private async IAsyncEnumerable<ListObjectsV2Response> PagesAsync(string prefix, string? delimiter, [EnumeratorCancellation] CancellationToken ct)
    {
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = prefix, Delimiter = delimiter, MaxKeys = PageSize };
        while (true)
        {
            ListObjectsV2Response page;
            try
            {
                page = await _s3.ListObjectsV2Async(request, ct).ConfigureAwait(false);
            }
            catch (AmazonS3Exception e)
            {
                throw Failed("list", prefix, e);
            }
            yield return page;
            if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextContinuationToken))
                yield break;
            request.ContinuationToken = page.NextContinuationToken;
        }
    }

    private static async Task<int> FillAsync(Stream content, byte[] buffer, CancellationToken ct)
    {
        var filled = 0;
        int read;
        while (filled < PartSize && (read = await content.ReadAsync(buffer.AsMemory(filled, PartSize - filled), ct).ConfigureAwait(false)) > 0)
            filled += read;
        return filled;
    }

    // The SDK's message names the bucket and the error code, never the credentials.
    private TrackingException Failed(string action, string key, AmazonS3Exception e) =>
        new(e.StatusCode == HttpStatusCode.NotFound ? ErrorCode.ResourceDoesNotExist : ErrorCode.InternalError,
            $"S3 could not {action} 's3://{_bucket}/{key}': {(int)e.StatusCode} {e.ErrorCode}: {e.Message}", e);
}
