namespace Pipeline.Tracking.Metadata;

/// <summary>Helpers for remote URLs recorded as run tags.</summary>
public static class GitUrls
{
    /// <summary>
    /// Removes the user-info part (<c>user:token@</c>) from a URL with a scheme, so that a token in an HTTPS remote
    /// never lands in a tag. URLs without a scheme (scp-like <c>git@host:org/repo.git</c>, local paths) and URLs
    /// without user info are returned unchanged, as MLflow does.
    /// </summary>
    public static string StripCredentials(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return url;
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        // The last '@' ends the user info: a password may itself contain an unescaped '@'.
        var at = url.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        return at < 0 ? url : string.Concat(url.AsSpan(0, authorityStart), url.AsSpan(at + 1));
    }
}
