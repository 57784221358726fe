using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Stages.Stages.Serve;

/// <summary>
/// Remembers the content hash of a folder's files by their sizes and modification times, as DVC's state database and
/// git's index do, so that an unchanged installed server is not read and hashed again at every DockerServe (about 70 MB
/// of ReadyToRun assemblies). The hash still names the layout by content; the stamp only decides whether to compute it.
/// An entry is trusted only when it was written more than <see cref="RacyWindow"/> after the newest file changed: a file
/// rewritten with the same size within the file system's timestamp granularity keeps its old time ("racy git").
/// </summary>
internal static class ContentHashIndex
{
    /// <summary>How much newer than the newest file an entry must be to be trusted: 2 seconds.</summary>
    public static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The hash <paramref name="compute"/> gives for <paramref name="files"/> (relative to <paramref name="folder"/>),
    /// read from <paramref name="indexFolder"/> when their sizes and times are those it was last computed for.
    /// </summary>
    public static string GetOrCompute(string indexFolder, string folder, IReadOnlyList<string> files, string salt, Func<string> compute)
    {
        var stamp = new StringBuilder(salt).Append('\n').Append(Path.GetFullPath(folder)).Append('\n');
        var newest = DateTime.MinValue;
        foreach (var file in files)
        {
            var info = new FileInfo(Path.Combine(folder, file));
            stamp.Append(file).Append('\t').Append(info.Length).Append('\t').Append(info.LastWriteTimeUtc.Ticks).Append('\n');
            newest = info.LastWriteTimeUtc > newest ? info.LastWriteTimeUtc : newest;
        }

        var entry = Path.Combine(indexFolder, "stamp-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stamp.ToString())))[..32]);
        if (File.Exists(entry) && File.GetLastWriteTimeUtc(entry) - newest > RacyWindow && File.ReadAllText(entry).Trim() is { Length: > 0 } known)
            return known;

        var value = compute();
        Remember(entry, value);
        return value;
    }

    // Written beside and renamed into place, so a concurrent reader sees the whole hash or no entry; a cache that cannot
    // be written only costs the next run a rehash.
    private static void Remember(string entry, string value)
    {
        var temporary = $"{entry}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(entry)!);
            File.WriteAllText(temporary, value);
            File.Move(temporary, entry, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
            }
        }
    }
}
