namespace Pipeline.Server.Api;

/// <summary>
/// A URI split the way Python's <c>urllib.parse.urlparse</c> splits it, which MLflow's server checks rely on:
/// scheme (lower case, empty for a plain path), netloc, path, params (after <c>;</c> in the last path segment, for
/// the schemes that have them), query and fragment.
/// </summary>
internal sealed record MlflowUri(string Scheme, string Netloc, string Path, string Params, string Query, string Fragment)
{
    // urllib.parse.uses_params: the schemes whose last path segment may carry ";params".
    private static readonly HashSet<string> SchemesWithParams =
        ["", "ftp", "hdl", "prospero", "http", "imap", "https", "shttp", "rtsp", "rtspu", "sip", "sips", "mms", "sftp", "tel"];

    /// <summary>Splits <paramref name="uri"/>; never throws.</summary>
    public static MlflowUri Parse(string uri)
    {
        var rest = uri;
        var scheme = "";
        var colon = rest.IndexOf(':');
        if (colon > 0 && char.IsAsciiLetter(rest[0]) && rest[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
        {
            scheme = rest[..colon].ToLowerInvariant();
            rest = rest[(colon + 1)..];
        }

        var netloc = "";
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var end = rest.IndexOfAny(['/', '?', '#'], 2);
            netloc = end < 0 ? rest[2..] : rest[2..end];
            rest = end < 0 ? "" : rest[end..];
        }

        var fragment = "";
        var hash = rest.IndexOf('#');
        if (hash >= 0)
        {
            fragment = rest[(hash + 1)..];
            rest = rest[..hash];
        }

        var query = "";
        var question = rest.IndexOf('?');
        if (question >= 0)
        {
            query = rest[(question + 1)..];
            rest = rest[..question];
        }

        var parameters = "";
        if (SchemesWithParams.Contains(scheme))
        {
            var semicolon = rest.IndexOf(';', Math.Max(rest.LastIndexOf('/'), 0));
            if (semicolon >= 0)
            {
                parameters = rest[(semicolon + 1)..];
                rest = rest[..semicolon];
            }
        }

        return new MlflowUri(scheme, netloc, rest, parameters, query, fragment);
    }

    /// <summary>MLflow's <c>is_local_uri</c> for a source or location: a plain path or a <c>file:</c> URI.</summary>
    public bool IsLocal => Scheme is "" or "file";

    /// <summary>
    /// Percent-decodes until nothing changes (at most 10 rounds), as MLflow's <c>_decode</c> does; with
    /// <paramref name="plusIsSpace"/> a <c>+</c> is a space too (<c>unquote_plus</c>).
    /// </summary>
    public static string DecodeFully(string text, bool plusIsSpace = false)
    {
        for (var i = 0; i < 10; i++)
        {
            var decoded = Uri.UnescapeDataString(plusIsSpace ? text.Replace('+', ' ') : text);
            if (decoded == text)
                break;
            text = decoded;
        }

        return text;
    }
}
