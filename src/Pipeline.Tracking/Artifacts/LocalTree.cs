namespace Pipeline.Tracking.Artifacts;

/// <summary>
/// Walks a local folder tree without ever descending into a symbolic link (.NET's recursive enumeration follows
/// linked folders, which loops forever on a link to an ancestor). Links themselves are yielded for the caller to judge.
/// </summary>
internal static class LocalTree
{
    /// <summary>Every entry below <paramref name="folder"/>, parents before children, siblings in ordinal name order.</summary>
    public static IEnumerable<FileSystemInfo> Walk(DirectoryInfo folder)
    {
        var pending = new Stack<DirectoryInfo>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            var children = current.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
            foreach (var child in children)
                yield return child;
            for (var i = children.Count - 1; i >= 0; i--)
            {
                if (children[i] is DirectoryInfo { LinkTarget: null } sub)
                    pending.Push(sub);
            }
        }
    }
}
