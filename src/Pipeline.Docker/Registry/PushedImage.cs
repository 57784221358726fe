namespace Pipeline.Docker.Registry;

/// <summary>An image a registry now holds.</summary>
/// <param name="Repository">The registry repository, e.g. <c>ghcr.io/team/iris</c>.</param>
/// <param name="Tags">The tags pushed, e.g. <c>3</c> and <c>champion</c>.</param>
/// <param name="Digest">The manifest digest the registry answered (<c>sha256:…</c>): the image's identity.</param>
public sealed record PushedImage(string Repository, IReadOnlyList<string> Tags, string Digest)
{
    /// <summary>The reference by digest, e.g. <c>ghcr.io/team/iris@sha256:…</c>, which always pulls this exact image.</summary>
    public string ReferenceByDigest => $"{Repository}@{Digest}";

    /// <summary>The full references by tag.</summary>
    public IEnumerable<string> References => Tags.Select(t => $"{Repository}:{t}");
}
