using System.Security.Cryptography;
using Pipeline.Tracking.Artifacts;

namespace Pipeline.Tracking.Tests.Artifacts;

/// <summary>
/// A temp folder holding a repository root, an "outside" folder with a secret file next to it, and a downloads
/// folder; disposing deletes it all.
/// </summary>
internal sealed class ArtifactSandbox : IDisposable
{
    public ArtifactSandbox()
    {
        Base = Path.Join(Path.GetTempPath(), "pipeline-artifacts-" + Guid.NewGuid().ToString("N"));
        Root = Path.Join(Base, "root");
        Outside = Path.Join(Base, "outside");
        Downloads = Path.Join(Base, "downloads");
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(Outside);
        Directory.CreateDirectory(Downloads);
        File.WriteAllText(SecretFile, "secret");
        Repository = new LocalArtifactRepository(Root);
    }

    public string Base { get; }

    public string Root { get; }

    public string Outside { get; }

    public string Downloads { get; }

    public string SecretFile => Path.Join(Outside, "secret.txt");

    public LocalArtifactRepository Repository { get; }

    /// <summary>Every file and folder beside the root (outside, downloads, loose files), with a hash of each file's bytes.</summary>
    public SortedDictionary<string, string> SnapshotOutsideRoot()
    {
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in new[] { Outside, Downloads })
        {
            // The sandbox never links outside itself here, so the default (link-following) enumeration cannot loop.
            foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
                snapshot[Path.GetRelativePath(Base, entry.FullName)] =
                    entry is FileInfo file ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file.FullName))) : "dir";
        }
        foreach (var file in Directory.GetFiles(Base))
            snapshot[Path.GetFileName(file)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        return snapshot;
    }

    public static MemoryStream Bytes(string text) => new(System.Text.Encoding.UTF8.GetBytes(text));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Base, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}
