using Pipeline.Tracking.Artifacts;

namespace Pipeline.Tracking.Tests.Artifacts;

/// <summary>Every operation refuses paths that would leave the root, and nothing outside the root changes.</summary>
public sealed class ArtifactPathSafetyTests : IDisposable
{
    private readonly ArtifactSandbox _box = new();

    public ArtifactPathSafetyTests()
    {
        // Links a careless repository would follow out of the root, plus one that stays inside (refused all the same).
        Directory.CreateDirectory(Path.Join(_box.Root, "real"));
        File.WriteAllText(Path.Join(_box.Root, "real", "inside.txt"), "inside");
        File.CreateSymbolicLink(Path.Join(_box.Root, "link-file-out"), _box.SecretFile);
        Directory.CreateSymbolicLink(Path.Join(_box.Root, "link-dir-out"), _box.Outside);
        Directory.CreateSymbolicLink(Path.Join(_box.Root, "real", "link-up"), "../..");
        Directory.CreateSymbolicLink(Path.Join(_box.Root, "link-dir-in"), Path.Join(_box.Root, "real"));
        File.CreateSymbolicLink(Path.Join(_box.Root, "link-dangling"), Path.Join(_box.Outside, "created-by-write.txt"));
    }

    public void Dispose() => _box.Dispose();

    public static TheoryData<string, string> UnsafePaths => new()
    {
        { "../escape.txt", "'..' segment" },
        { "a/../../escape.txt", "'..' segment" },
        { "..", "'..' segment" },
        { "real/..", "'..' segment" },
        { "ABSOLUTE/escape.txt", "absolute" },          // replaced by the outside folder's absolute path
        { "C:/escape.txt", "absolute" },
        { "..\\escape.txt", "backslash" },
        { "real\\..\\..\\escape.txt", "backslash" },
        { "escape\0.txt", "NUL" },
        { "link-file-out", "'link-file-out' is a symbolic link" },
        { "link-dir-out/secret.txt", "'link-dir-out' is a symbolic link" },
        { "link-dir-out/escape.txt", "'link-dir-out' is a symbolic link" },
        { "real/link-up/outside/escape.txt", "'real/link-up' is a symbolic link" },
        { "link-dir-in/inside.txt", "'link-dir-in' is a symbolic link" },
        { "link-dangling", "'link-dangling' is a symbolic link" },
    };

    [Theory]
    [MemberData(nameof(UnsafePaths))]
    public async Task EveryOperation_UnsafePath_IsRefusedAndNothingOutsideChanges(string path, string reason)
    {
        path = path.Replace("ABSOLUTE", _box.Outside, StringComparison.Ordinal);
        var repo = _box.Repository;
        var before = _box.SnapshotOutsideRoot();

        Func<Task>[] operations =
        [
            () => repo.WriteAsync(path, ArtifactSandbox.Bytes("evil")),
            () => repo.OpenReadAsync(path),
            () => repo.ListAsync(path),
            () => repo.DownloadAsync(path, _box.Downloads),
            () => repo.DeleteAsync(path),
            () => repo.LogFileAsync(_box.SecretFile, path),
        ];
        foreach (var operation in operations)
        {
            var error = await Assert.ThrowsAsync<TrackingException>(operation);
            Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
            Assert.Contains(reason, error.Message);
            Assert.Contains("Invalid artifact path '", error.Message);
        }

        Assert.Equal(before, _box.SnapshotOutsideRoot());
        Assert.Equal("secret", await File.ReadAllTextAsync(_box.SecretFile));
        Assert.False(File.Exists(Path.Join(_box.Base, "escape.txt")));
    }

    [Fact]
    public async Task ErrorMessage_NamesThePath()
    {
        var error = await Assert.ThrowsAsync<TrackingException>(() => _box.Repository.OpenReadAsync("link-dir-out/secret.txt"));

        Assert.StartsWith("Invalid artifact path 'link-dir-out/secret.txt': 'link-dir-out' is a symbolic link (to '", error.Message);
    }

    [Fact]
    public async Task DownloadAsync_FolderHoldingLink_IsRefusedAndCopiesNoSecret()
    {
        var error = await Assert.ThrowsAsync<TrackingException>(() => _box.Repository.DownloadAsync("", _box.Downloads));

        Assert.Contains("is a symbolic link", error.Message);
        Assert.Empty(Directory.GetFiles(_box.Downloads, "secret.txt", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task ListAsync_Root_LeavesLinksOut() =>
        Assert.Equal(["real"], (await _box.Repository.ListAsync()).Select(e => e.Path));

    [Fact]
    public async Task DeleteAsync_RootHoldingLinks_RemovesLinksNotTargets()
    {
        await _box.Repository.DeleteAsync();

        Assert.False(Directory.Exists(_box.Root));
        Assert.Equal("secret", await File.ReadAllTextAsync(_box.SecretFile));
    }

    [Fact]
    public async Task WriteAsync_SafePathBesideLinks_Works()
    {
        var file = await _box.Repository.WriteAsync("real/ok.txt", ArtifactSandbox.Bytes("ok"));

        Assert.Equal("real/ok.txt", file.Path);
    }
}
