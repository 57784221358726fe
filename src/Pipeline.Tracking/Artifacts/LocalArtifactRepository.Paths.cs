namespace Pipeline.Tracking.Artifacts;

public sealed partial class LocalArtifactRepository
{
    /// <summary>
    /// The local path of an artifact path and its normalised relative form. Each existing component below the
    /// root is checked not to be a symbolic link: links are never followed, wherever they point.
    /// </summary>
    private (string Full, string Relative) Resolve(string? artifactPath, bool allowRoot)
    {
        var segments = ArtifactPath.Split(artifactPath, allowRoot);
        var current = _root;
        for (var i = 0; i < segments.Length; i++)
        {
            current = Path.Join(current, segments[i]);
            var info = new FileInfo(current);
            if (info.LinkTarget is { } target)
                throw ArtifactPath.Unsafe(artifactPath!,
                    $"'{ArtifactPath.Join(segments.Take(i + 1))}' is a symbolic link (to '{target}'); links are not followed");
            if (!info.Exists && !Directory.Exists(current))
                break; // nothing below a missing component exists either
        }
        return (Path.Join(_root, Path.Join(segments)), ArtifactPath.Join(segments));
    }

    /// <summary>The artifact path of a local file or folder under the root, with '/' separators.</summary>
    private string RelativeOf(string fullPath) =>
        Path.GetRelativePath(_root, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    private static bool IsLink(FileSystemInfo info) => info.LinkTarget is not null;
}
