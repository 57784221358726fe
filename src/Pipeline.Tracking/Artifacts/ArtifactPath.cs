namespace Pipeline.Tracking.Artifacts;

/// <summary>
/// Checks the text of an artifact path before it touches the file system: relative, <c>/</c>-separated, no
/// <c>..</c> segment, no backslash, no NUL, no drive letter. Empty and <c>.</c> segments are dropped
/// (<c>a//./b</c> is <c>a/b</c>), as MLflow's normpath does.
/// </summary>
internal static class ArtifactPath
{
    /// <summary>The path's segments; none for the root (null, empty or <c>.</c>) when <paramref name="allowRoot"/>.</summary>
    public static string[] Split(string? artifactPath, bool allowRoot)
    {
        var text = artifactPath ?? "";
        if (text.Contains('\0'))
            throw Unsafe(text, "it contains a NUL character");
        if (text.Contains('\\'))
            throw Unsafe(text, "it contains a backslash; artifact paths use '/'");
        if (text.StartsWith('/') || (text.Length >= 2 && char.IsAsciiLetter(text[0]) && text[1] == ':'))
            throw Unsafe(text, "it is absolute; artifact paths are relative to the repository root");

        var segments = text.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != ".").ToArray();
        if (segments.Contains(".."))
            throw Unsafe(text, "it contains a '..' segment");
        if (segments.Length == 0 && !allowRoot)
            throw new TrackingException(ErrorCode.InvalidParameterValue, $"Invalid artifact path '{text}': a file path is required, not the root");
        return segments;
    }

    public static string Join(IEnumerable<string> segments) => string.Join('/', segments);

    public static TrackingException Unsafe(string artifactPath, string reason) =>
        new(ErrorCode.InvalidParameterValue, $"Invalid artifact path '{Printable(artifactPath)}': {reason}");

    // A NUL in a message truncates it in some terminals and log sinks; show it escaped.
    private static string Printable(string path) => path.Replace("\0", "\\0", StringComparison.Ordinal);
}
