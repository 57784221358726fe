using System.Formats.Tar;
using System.Text;

namespace Pipeline.Docker;

/// <summary>A build context as a tar archive in a temporary file that is deleted when disposed.</summary>
internal static class BuildContext
{
    public static async Task<FileStream> WriteAsync(
        string dockerfile, IReadOnlyList<(string Folder, string Prefix)> folders, CancellationToken cancellationToken)
    {
        var stream = new FileStream(Path.Combine(Path.GetTempPath(), $"pipeline-context-{Guid.NewGuid():N}.tar"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            await using (var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, "Dockerfile")
                {
                    Mode = (UnixFileMode)0b110_100_100,
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(dockerfile)),
                };
                await writer.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
                foreach (var (folder, prefix) in folders)
                {
                    await writer.WriteEntryAsync(folder, prefix + "/", cancellationToken).ConfigureAwait(false);
                    foreach (var path in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    {
                        var name = prefix + "/" + Path.GetRelativePath(folder, path).Replace('\\', '/');
                        await writer.WriteEntryAsync(path, name, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            stream.Position = 0;
            return stream;
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
