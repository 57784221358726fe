namespace Pipeline.Tracking.Artifacts;

/// <summary>
/// An artifact location split the way MLflow's <c>append_to_uri_path</c> splits it: a scheme and authority, a path, and
/// whatever follows the path (<c>?query</c>, <c>#fragment</c>). Segments are appended to the path only, so a location
/// such as <c>file:///etc?</c> gives <c>file:///etc/&lt;run&gt;/artifacts?</c> and never a run folder that a URI parser
/// reads as <c>/etc</c>. A plain local path (no scheme, or a one-letter drive) is all path: <c>?</c> is part of its name.
/// </summary>
public sealed record ArtifactUri
{
    private ArtifactUri(string head, string path, string tail) => (Head, Path, Tail) = (head, path, tail);

    /// <summary>The scheme and authority (<c>file://</c>, <c>s3://bucket</c>, <c>mlflow-artifacts:</c>); empty for a local path.</summary>
    public string Head { get; }

    /// <summary>The path part, as written (still percent-encoded in a URI).</summary>
    public string Path { get; }

    /// <summary>The query and fragment with their leading <c>?</c> / <c>#</c>; empty when there are none.</summary>
    public string Tail { get; }

    /// <summary>Splits <paramref name="location"/>; never throws for a non-empty string.</summary>
    public static ArtifactUri Parse(string location)
    {
        ArgumentException.ThrowIfNullOrEmpty(location);
        var scheme = ArtifactRepositoryRegistry.SchemeOf(location);
        if (scheme is null)
            return new ArtifactUri("", location, "");
        var rest = location[(scheme.Length + 1)..];
        var head = location[..(scheme.Length + 1)];
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var end = rest.IndexOfAny(['/', '?', '#'], 2);
            head += end < 0 ? rest : rest[..end];
            rest = end < 0 ? "" : rest[end..];
        }

        var tailStart = rest.IndexOfAny(['?', '#']);
        return tailStart < 0 ? new ArtifactUri(head, rest, "") : new ArtifactUri(head, rest[..tailStart], rest[tailStart..]);
    }

    /// <summary>
    /// This location with <paramref name="segments"/> appended to its path (each percent-encoded in a URI, so no
    /// segment can add a query, a fragment or a separator), the query and fragment kept after them.
    /// </summary>
    public ArtifactUri Append(params string[] segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var escaped = Head.Length == 0 ? segments : segments.Select(Uri.EscapeDataString);
        var path = Path.TrimEnd('/');
        // "mlflow-artifacts:" and "s3://bucket" have an empty path: the first segment starts it with "/".
        return new ArtifactUri(Head, path + "/" + string.Join('/', escaped), Tail);
    }

    /// <summary>Whether the location names a local folder: a plain path or a <c>file:</c> URI.</summary>
    public bool IsLocal => Head.Length == 0 || Head.StartsWith("file:", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override string ToString() => Head + Path + Tail;
}
