using System.Security.Cryptography;
using Pipeline.Tracking.Artifacts;

namespace Pipeline.Tracking.Tests.Artifacts;

public sealed class LocalArtifactRepositoryTests : IDisposable
{
    private readonly ArtifactSandbox _box = new();

    private LocalArtifactRepository Repo => _box.Repository;

    public void Dispose() => _box.Dispose();

    [Fact]
    public async Task WriteAsync_LargeStream_ReturnsSizeAndSha256OfBytes()
    {
        var bytes = new byte[300_000]; // several copy buffers
        new Random(7).NextBytes(bytes);

        var file = await Repo.WriteAsync("data/blob.bin", new MemoryStream(bytes));

        Assert.Equal(new ArtifactFile("data/blob.bin", 300_000, Convert.ToHexStringLower(SHA256.HashData(bytes))), file);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Join(_box.Root, "data", "blob.bin")));
    }

    [Fact]
    public async Task WriteAsync_ThenOpenRead_RoundTrips()
    {
        await Repo.WriteAsync("./a//b/c.txt", ArtifactSandbox.Bytes("hello"));

        await using var stream = await Repo.OpenReadAsync("a/b/c.txt");
        Assert.Equal("hello", await new StreamReader(stream).ReadToEndAsync());
    }

    [Fact]
    public async Task WriteAsync_ExistingFile_ReplacesItAndLeavesNoTempFile()
    {
        await Repo.WriteAsync("m.txt", ArtifactSandbox.Bytes("old"));

        var file = await Repo.WriteAsync("m.txt", ArtifactSandbox.Bytes("new!"));

        Assert.Equal(4, file.Size);
        Assert.Equal("new!", await File.ReadAllTextAsync(Path.Join(_box.Root, "m.txt")));
        Assert.Equal(["m.txt"], Directory.GetFiles(_box.Root).Select(Path.GetFileName));
    }

    [Fact]
    public async Task WriteAsync_SourceFailsMidway_LeavesNeitherArtifactNorTempFile()
    {
        await Repo.WriteAsync("model.bin", ArtifactSandbox.Bytes("previous"));

        await Assert.ThrowsAsync<IOException>(() => Repo.WriteAsync("model.bin", new FailingStream(100_000)));

        Assert.Equal("previous", await File.ReadAllTextAsync(Path.Join(_box.Root, "model.bin")));
        Assert.Equal(["model.bin"], Directory.GetFiles(_box.Root).Select(Path.GetFileName));
    }

    [Fact]
    public async Task WriteAsync_OntoFolder_Throws()
    {
        await Repo.WriteAsync("model/MLmodel", ArtifactSandbox.Bytes("x"));

        var error = await Assert.ThrowsAsync<TrackingException>(() => Repo.WriteAsync("model", ArtifactSandbox.Bytes("y")));
        Assert.Contains("'model': it is a folder", error.Message);
    }

    [Fact]
    public async Task LogFileAsync_UnderDirectory_KeepsFileName()
    {
        var local = Path.Join(_box.Base, "metrics.json");
        await File.WriteAllTextAsync(local, "{}");

        var file = await Repo.LogFileAsync(local, "eval/plots");

        Assert.Equal("eval/plots/metrics.json", file.Path);
        Assert.Equal(2, file.Size);
    }

    [Fact]
    public async Task LogFileAsync_MissingLocalFile_Throws() =>
        Assert.Contains("does not exist", (await Assert.ThrowsAsync<TrackingException>(() => Repo.LogFileAsync(Path.Join(_box.Base, "nope")))).Message);

    [Fact]
    public async Task LogDirectoryAsync_Tree_WritesEveryFileSorted()
    {
        var local = Path.Join(_box.Base, "model-src");
        Directory.CreateDirectory(Path.Join(local, "sub"));
        await File.WriteAllTextAsync(Path.Join(local, "MLmodel"), "flavors: {}");
        await File.WriteAllTextAsync(Path.Join(local, "sub", "weights.bin"), "123");

        var files = await Repo.LogDirectoryAsync(local, "model");

        Assert.Equal(["model/MLmodel", "model/sub/weights.bin"], files.Select(f => f.Path));
        Assert.Equal("123", await File.ReadAllTextAsync(Path.Join(_box.Root, "model", "sub", "weights.bin")));
    }

    [Fact(Timeout = 20_000)]
    public async Task LogDirectoryAsync_SourceWithLinkToAncestor_SkipsLinkedFolderAndEnds()
    {
        var local = Path.Join(_box.Base, "looping-src");
        Directory.CreateDirectory(Path.Join(local, "sub"));
        await File.WriteAllTextAsync(Path.Join(local, "sub", "a.txt"), "a");
        Directory.CreateSymbolicLink(Path.Join(local, "sub", "loop"), local);
        File.CreateSymbolicLink(Path.Join(local, "linked.txt"), _box.SecretFile);

        var files = await Repo.LogDirectoryAsync(local);

        Assert.Equal(["linked.txt", "sub/a.txt"], files.Select(f => f.Path));
        Assert.Equal("secret", await File.ReadAllTextAsync(Path.Join(_box.Root, "linked.txt")));
    }

    [Fact]
    public async Task ListAsync_Root_ReturnsDirectChildrenSortedWithSizes()
    {
        await Repo.WriteAsync("z.txt", ArtifactSandbox.Bytes("12345"));
        await Repo.WriteAsync("model/MLmodel", ArtifactSandbox.Bytes("x"));
        await Repo.WriteAsync("a.png", ArtifactSandbox.Bytes("png"));

        var entries = await Repo.ListAsync();

        Assert.Equal([new("a.png", false, 3), new("model", true, null), new ArtifactEntry("z.txt", false, 5)], entries);
    }

    [Fact]
    public async Task ListAsync_SubFolder_PathsAreRelativeToRoot()
    {
        await Repo.WriteAsync("model/sub/w.bin", ArtifactSandbox.Bytes("w"));
        await Repo.WriteAsync("model/MLmodel", ArtifactSandbox.Bytes("m"));

        var entries = await Repo.ListAsync("model/");

        Assert.Equal([new("model/MLmodel", false, 1), new ArtifactEntry("model/sub", true, null)], entries);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("file.txt")]
    public async Task ListAsync_MissingOrFile_ReturnsEmpty(string path)
    {
        await Repo.WriteAsync("file.txt", ArtifactSandbox.Bytes("x"));

        Assert.Empty(await Repo.ListAsync(path));
    }

    [Fact]
    public async Task OpenReadAsync_Missing_ThrowsResourceDoesNotExist()
    {
        var error = await Assert.ThrowsAsync<TrackingException>(() => Repo.OpenReadAsync("nope.txt"));

        Assert.Equal(ErrorCode.ResourceDoesNotExist, error.Code);
        Assert.Contains("'nope.txt'", error.Message);
    }

    [Fact]
    public async Task DownloadAsync_File_LandsUnderDestinationAtItsPath()
    {
        await Repo.WriteAsync("eval/roc.png", ArtifactSandbox.Bytes("png"));

        var local = await Repo.DownloadAsync("eval/roc.png", _box.Downloads);

        Assert.Equal(Path.Join(_box.Downloads, "eval", "roc.png"), local);
        Assert.Equal("png", await File.ReadAllTextAsync(local));
    }

    [Fact]
    public async Task DownloadAsync_Folder_CopiesTree()
    {
        await Repo.WriteAsync("model/MLmodel", ArtifactSandbox.Bytes("m"));
        await Repo.WriteAsync("model/sub/w.bin", ArtifactSandbox.Bytes("w"));

        var local = await Repo.DownloadAsync("model", _box.Downloads);

        Assert.Equal(Path.Join(_box.Downloads, "model"), local);
        Assert.Equal("w", await File.ReadAllTextAsync(Path.Join(local, "sub", "w.bin")));
        Assert.Equal("m", await File.ReadAllTextAsync(Path.Join(local, "MLmodel")));
    }

    [Fact]
    public async Task DownloadAsync_Missing_ThrowsResourceDoesNotExist() =>
        Assert.Equal(ErrorCode.ResourceDoesNotExist,
            (await Assert.ThrowsAsync<TrackingException>(() => Repo.DownloadAsync("nope", _box.Downloads))).Code);

    [Fact]
    public async Task DeleteAsync_FileThenFolderThenRoot_RemovesEach()
    {
        await Repo.WriteAsync("a.txt", ArtifactSandbox.Bytes("a"));
        await Repo.WriteAsync("model/MLmodel", ArtifactSandbox.Bytes("m"));
        await Repo.WriteAsync("b.txt", ArtifactSandbox.Bytes("b"));

        await Repo.DeleteAsync("a.txt");
        await Repo.DeleteAsync("model");
        Assert.Equal(["b.txt"], (await Repo.ListAsync()).Select(e => e.Path));

        await Repo.DeleteAsync();
        Assert.False(Directory.Exists(_box.Root));
        await Repo.DeleteAsync("missing"); // absent: no error, as in MLflow
    }

    [Fact]
    public void RootUri_FromPlainPathOrFileUri_IsTheSameFileUri()
    {
        var fromPath = new LocalArtifactRepository(_box.Root + "/");
        var fromUri = new LocalArtifactRepository(fromPath.RootUri);

        Assert.Equal("file://" + _box.Root, fromPath.RootUri);
        Assert.Equal(_box.Root, fromUri.RootPath);
    }

    [Fact]
    public void Constructor_RemoteFileUri_Throws() =>
        Assert.Contains("remote host", Assert.Throws<TrackingException>(() => new LocalArtifactRepository("file://server/share/x")).Message);

    /// <summary>Yields zeros, then fails: a network source dropping mid-upload.</summary>
    private sealed class FailingStream(int failAfter) : Stream
    {
        private int _given;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_given >= failAfter) throw new IOException("source dropped");
            var n = Math.Min(count, failAfter - _given);
            Array.Clear(buffer, offset, n);
            _given += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _given; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
