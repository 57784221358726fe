using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Docker;

/// <summary>
/// The files of a minimal image as a tar archive, with owners and modes exactly as wanted (a sticky
/// world-writable <c>/tmp</c>, a home owned by the user): imported as a layer, they are kept as written,
/// which <c>COPY</c> would not do for an existing folder's owner.
/// </summary>
internal sealed class RootFileSystem
{
    private const UnixFileMode Directory755 = (UnixFileMode)0b111_101_101;
    private const UnixFileMode File644 = (UnixFileMode)0b110_100_100;
    private const UnixFileMode Library755 = (UnixFileMode)0b111_101_101;
    private const UnixFileMode Tmp1777 = (UnixFileMode)0b1_111_111_111;

    private readonly SortedDictionary<string, (UnixFileMode Mode, int Owner)> _directories = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, (byte[] Content, UnixFileMode Mode)> _files = new(StringComparer.Ordinal);

    public RootFileSystem(NativeLibraries libraries, string userName, int userId)
    {
        var home = $"home/{userName}";
        AddDirectory("tmp", Tmp1777, 0);
        AddDirectory(home, Directory755, userId);
        AddFile("etc/passwd", $"root:x:0:0:root:/root:/sbin/nologin\n{userName}:x:{userId}:{userId}:{userName}:/{home}:/sbin/nologin\n");
        AddFile("etc/group", $"root:x:0:\n{userName}:x:{userId}:\n");
        foreach (var (imagePath, hostFile) in libraries.Files)
            AddFile(imagePath.TrimStart('/'), File.ReadAllBytes(hostFile), Library755);
    }

    /// <summary>SHA-256 (hex) over every entry's path, mode, owner and content.</summary>
    public string ContentHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData("pipeline-minimal-base/1\n"u8);
        foreach (var (path, (mode, owner)) in _directories)
            hash.AppendData(Encoding.UTF8.GetBytes($"d {path} {(int)mode} {owner}\n"));
        foreach (var (path, (content, mode)) in _files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"f {path} {(int)mode} {Convert.ToHexString(SHA256.HashData(content))}\n"));
        }
        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    public IReadOnlyList<string> FilePaths => _files.Keys.Select(p => "/" + p).ToList();

    public async Task<MemoryStream> ToTarAsync(CancellationToken cancellationToken)
    {
        var output = new MemoryStream();
        await using (var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (path, (mode, owner)) in _directories)
            {
                var entry = new PaxTarEntry(TarEntryType.Directory, path + "/") { Mode = mode, Uid = owner, Gid = owner };
                await writer.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
            }
            foreach (var (path, (content, mode)) in _files)
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, path) { Mode = mode, DataStream = new MemoryStream(content) };
                await writer.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
            }
        }
        output.Position = 0;
        return output;
    }

    private void AddFile(string path, string text) => AddFile(path, Encoding.UTF8.GetBytes(text), File644);

    private void AddFile(string path, byte[] content, UnixFileMode mode)
    {
        _files[path] = (content, mode);
        AddParents(path);
    }

    private void AddDirectory(string path, UnixFileMode mode, int owner)
    {
        _directories[path] = (mode, owner);
        AddParents(path);
    }

    private void AddParents(string path)
    {
        for (var parent = Path.GetDirectoryName(path); !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
            _directories.TryAdd(parent, (Directory755, 0));
    }
}
