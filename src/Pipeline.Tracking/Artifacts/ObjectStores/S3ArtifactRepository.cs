using System.Buffers;
using System.Net;
using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;

namespace Pipeline.Tracking.Artifacts.ObjectStores;

/// <summary>
/// Artifacts in Amazon S3 or an S3-compatible service (MinIO, Ceph, R2), as MLflow's <c>S3ArtifactRepository</c>:
/// <c>s3://bucket/prefix</c>, configured from MLflow's variables (<see cref="S3ClientFactory"/>). Uploads stream in parts
/// of <see cref="PartSize"/> bytes: a file smaller than one part is one PUT, a larger one a multipart upload (aborted
/// when anything fails, so no half-written object appears); so memory holds one part, never the file. Reads stream the
/// object's body. Each part is signed whole (no <c>aws-chunked</c> streaming signature: the part is in memory anyway,
/// and S3-compatible services such as s3rver store the chunk framing as if it were the object's bytes).
/// </summary>
public sealed class S3ArtifactRepository : ObjectStoreArtifactRepository
{
    /// <summary>The multipart part size: 8 MiB, as boto3's default chunk size (S3's minimum part is 5 MiB).</summary>
    public const int PartSize = 8 * 1024 * 1024;

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

    private async Task PutMultipartAsync(string key, Stream content, byte[] buffer, int filled, CancellationToken ct)
    {
        var upload = await _s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = _bucket, Key = key }, ct).ConfigureAwait(false);
        try
        {
            var parts = new List<PartETag>();
            while (filled > 0)
            {
                var part = await _s3.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = _bucket, Key = key, UploadId = upload.UploadId, PartNumber = parts.Count + 1,
                    InputStream = new MemoryStream(buffer, 0, filled, false), PartSize = filled, UseChunkEncoding = false,
                }, ct).ConfigureAwait(false);
                parts.Add(new PartETag(parts.Count + 1, part.ETag));
                filled = await FillAsync(content, buffer, ct).ConfigureAwait(false);
            }
            await _s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest { BucketName = _bucket, Key = key, UploadId = upload.UploadId, PartETags = parts }, ct)
                .ConfigureAwait(false);
        }
        catch
        {
            // Parts of an unfinished upload are kept (and billed) until aborted.
            await _s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = _bucket, Key = key, UploadId = upload.UploadId }, CancellationToken.None)
                .ConfigureAwait(false);
            throw;
        }
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
