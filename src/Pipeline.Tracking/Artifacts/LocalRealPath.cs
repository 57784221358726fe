namespace Pipeline.Tracking.Artifacts;

/// <summary>
/// The real path of a local file or folder, as POSIX <c>realpath</c> gives it but also for a path whose tail does not
/// exist yet: every existing component is replaced by what its symbolic links finally point to, and the missing rest
/// is appended as written. Confinement checks compare real paths, so a link anywhere on the way cannot lead out.
/// </summary>
public static class LocalRealPath
{
    // Linux follows at most 40 links while resolving one path; a longer chain is a loop or an attack.
    private const int MaxLinks = 40;

    /// <summary>The real path of <paramref name="path"/> (made absolute against the current folder first).</summary>
    /// <exception cref="TrackingException">PERMISSION_DENIED when links loop or chain more than 40 deep.</exception>
    public static string Of(string path)
    {
        var links = 0;
        return Resolve(Path.GetFullPath(path), ref links);
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or below it (both real, absolute paths).</summary>
    public static bool IsSameOrInside(string path, string folder)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        folder = Path.TrimEndingDirectorySeparator(folder);
        path = Path.TrimEndingDirectorySeparator(path);
        return string.Equals(path, folder, comparison)
               || path.StartsWith(folder + Path.DirectorySeparatorChar, comparison)
               || (Path.GetPathRoot(folder) == folder && path.StartsWith(folder, comparison));
    }

    private static string Resolve(string full, ref int links)
    {
        var root = Path.GetPathRoot(full)!;
        var current = root;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0)
                continue;
            var next = Path.Join(current, parts[i]);
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                    throw new TrackingException(ErrorCode.PermissionDenied, $"Too many symbolic links while resolving '{full}'");
                // A relative target is relative to the link's folder, which is already real here.
                next = Resolve(Path.GetFullPath(target, current), ref links);
            }
            else if (!info.Exists && !Directory.Exists(next))
            {
                // Nothing below a missing component exists: the rest is appended as written.
                return Path.Join([next, .. parts[(i + 1)..]]);
            }

            current = next;
        }

        return current;
    }
}
