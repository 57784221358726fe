namespace Pipeline.Tracking.Artifacts.ObjectStores;

/// <summary>An <c>s3://bucket/prefix</c> URI split as MLflow's <c>parse_s3_uri</c>: the bucket (netloc) and the key prefix.</summary>
/// <param name="Uri">The URI as given.</param>
/// <param name="Bucket">The bucket name.</param>
/// <param name="Prefix">The key prefix without leading or trailing <c>/</c>; empty at the bucket's root.</param>
public sealed record S3Location(string Uri, string Bucket, string Prefix)
{
    /// <summary>Parses <paramref name="uri"/>; anything but <c>s3://bucket[/path]</c> is INVALID_PARAMETER_VALUE.</summary>
    public static S3Location Parse(string uri)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        const string scheme = "s3://";
        if (!uri.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            throw new TrackingException(ErrorCode.InvalidParameterValue, $"Not an S3 URI: '{uri}' (expected s3://bucket/path)");
        var rest = uri[scheme.Length..];
        var slash = rest.IndexOf('/');
        var bucket = slash < 0 ? rest : rest[..slash];
        if (bucket.Length == 0 || bucket.IndexOfAny(['?', '#', '@', ':']) >= 0)
            throw new TrackingException(ErrorCode.InvalidParameterValue, $"Invalid S3 URI '{uri}': it names no bucket (expected s3://bucket/path)");
        // As MLflow's urlparse: the path is the key prefix as written (no percent-decoding).
        var path = slash < 0 ? "" : rest[(slash + 1)..];
        return new S3Location(uri, bucket, path.Trim('/'));
    }
}
