using Pipeline.Stages.Running;

namespace Pipeline.Stages.Stages.Serve;

/// <summary>
/// Keeps a folder of content-named copies (the scoring server's publishes and layouts, 60 to 150 MB each) from growing
/// with every change of the server: a new copy never replaces the old ones, because another run may still be serving
/// or building an image from them. So a copy is removed only when it is both beyond the <see cref="Kept"/> most
/// recently used and unused for <see cref="MinimumIdle"/>; reuse counts as use (<see cref="MarkUsed"/>). Staging folders
/// left by an interrupted fill (<see cref="StagedFolder"/>) go once they are that old.
/// </summary>
internal static class CachedVersions
{
    public const int Kept = 3;

    public static readonly TimeSpan MinimumIdle = TimeSpan.FromHours(1);

    /// <summary>Records that <paramref name="folder"/> was used now, so it counts among the most recently used.</summary>
    public static void MarkUsed(string folder, DateTime nowUtc) => Directory.SetLastWriteTimeUtc(folder, nowUtc);

    /// <summary>
    /// Removes the copies beside <paramref name="current"/> that are past keeping; <paramref name="current"/> itself is
    /// always kept. Returns the folders removed. A folder that cannot be removed (in use on Windows, no permission) is
    /// reported as a warning and left: pruning never fails a stage.
    /// </summary>
    public static IReadOnlyList<string> Prune(string current, DateTime nowUtc, IStageReporter reporter)
    {
        var currentPath = Path.GetFullPath(current).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(currentPath)!;
        if (!Directory.Exists(parent))
            return [];

        var others = new DirectoryInfo(parent).EnumerateDirectories()
            .Where(d => !string.Equals(d.FullName.TrimEnd(Path.DirectorySeparatorChar), currentPath, StringComparison.Ordinal))
            .ToList();
        var staging = others.Where(d => d.Name.StartsWith(".staging-", StringComparison.Ordinal) || d.Name.StartsWith(".stale-", StringComparison.Ordinal));
        var copies = others.Where(d => !d.Name.StartsWith('.'))
            .OrderByDescending(d => d.LastWriteTimeUtc)
            .ThenBy(d => d.Name, StringComparer.Ordinal)
            .Skip(Kept - 1);
        var removed = new List<string>();
        foreach (var folder in staging.Concat(copies).Where(d => nowUtc - d.LastWriteTimeUtc >= MinimumIdle))
        {
            try
            {
                folder.Delete(recursive: true);
                removed.Add(folder.FullName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                reporter.Warning($"Could not remove the old cached copy {folder.FullName}: {e.Message}");
            }
        }

        if (removed.Count > 0)
            reporter.Info($"Removed {removed.Count} old cached cop{(removed.Count == 1 ? "y" : "ies")} of the scoring server from {parent}");
        return removed;
    }
}
