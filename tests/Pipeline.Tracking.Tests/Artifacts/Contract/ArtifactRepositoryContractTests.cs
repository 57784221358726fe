using System.Security.Cryptography;
using System.Text;
using Pipeline.Tracking.Artifacts;

namespace Pipeline.Tracking.Tests.Artifacts.Contract;

/// <summary>
/// The artifact-repository contract, run against every repository: the local folder, S3 (s3rver), Azure Blob (azurite)
/// here, and the tracking server's proxy in Pipeline.Server.Tests. Each instance gets a fresh root of its own.
/// </summary>
public abstract class ArtifactRepositoryContractTests : IAsyncLifetime
{
    private readonly string _local = Directory.CreateTempSubdirectory("pipeline-contract-").FullName;

    protected IArtifactRepository Repo { get; private set; } = null!;

    /// <summary>A local scratch folder (sources to log, download destinations).</summary>
    protected string Local => _local;

    /// <summary>A repository rooted at a fresh, empty location.</summary>
    protected abstract Task<IArtifactRepository> OpenFreshAsync();

    public async Task InitializeAsync() => Repo = await OpenFreshAsync();

    public virtual async Task DisposeAsync()
    {
        Directory.Delete(_local, recursive: true);
        await Task.CompletedTask;
    }

    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    private async Task<string> ReadAsync(string path)
    {
        await using var stream = await Repo.OpenReadAsync(path);
        return await new StreamReader(stream).ReadToEndAsync();
    }

    [ContractFact]
    public async Task WriteAsync_ThenOpenRead_RoundTripsBytesWithSizeAndSha256()
    {
        var bytes = new byte[300_000];
        new Random(7).NextBytes(bytes);

        var file = await Repo.WriteAsync("./data//blob.bin", new MemoryStream(bytes));

        Assert.Equal(new ArtifactFile("data/blob.bin", bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes))), file);
        await using var read = await Repo.OpenReadAsync("data/blob.bin");
        var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [ContractFact]
    public async Task WriteAsync_LargerThanOneUploadPart_RoundTripsFromANonSeekableSource()
    {
        var bytes = new byte[9 * 1024 * 1024 + 17]; // more than one 8 MiB part: a multipart upload on S3, two blocks on Azure
        new Random(11).NextBytes(bytes);

        var file = await Repo.WriteAsync("model/big.bin", new ForwardOnlyStream(new MemoryStream(bytes)));

        Assert.Equal((bytes.LongLength, Convert.ToHexStringLower(SHA256.HashData(bytes))), (file.Size, file.Sha256));
        var downloaded = await Repo.DownloadAsync("model/big.bin", Local);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(downloaded))));
    }

    [ContractFact]
    public async Task WriteAsync_ExistingFile_ReplacesIt()
    {
        await Repo.WriteAsync("m.txt", Text("old"));

        var file = await Repo.WriteAsync("m.txt", Text("new!"));

        Assert.Equal(4, file.Size);
        Assert.Equal("new!", await ReadAsync("m.txt"));
    }

    [ContractFact]
    public async Task WriteAsync_PathLeavingTheRoot_IsRefused() =>
        Assert.Equal(ErrorCode.InvalidParameterValue, (await Assert.ThrowsAsync<TrackingException>(() => Repo.WriteAsync("a/../../x", Text("x")))).Code);

    [ContractFact]
    public async Task LogFileAndLogDirectory_KeepNamesAndTreeUnderTheGivenFolder()
    {
        var source = Path.Join(Local, "model-src");
        Directory.CreateDirectory(Path.Join(source, "sub"));
        await File.WriteAllTextAsync(Path.Join(source, "MLmodel"), "flavors: {}");
        await File.WriteAllTextAsync(Path.Join(source, "sub", "weights.bin"), "123");

        var tree = await Repo.LogDirectoryAsync(source, "model");
        var single = await Repo.LogFileAsync(Path.Join(source, "MLmodel"), "eval/plots");

        Assert.Equal(["model/MLmodel", "model/sub/weights.bin"], tree.Select(f => f.Path));
        Assert.Equal(("eval/plots/MLmodel", 11L), (single.Path, single.Size));
        Assert.Equal("123", await ReadAsync("model/sub/weights.bin"));
    }

    [ContractFact]
    public async Task ListAsync_Root_ReturnsDirectChildrenSortedWithSizes()
    {
        await Repo.WriteAsync("z.txt", Text("12345"));
        await Repo.WriteAsync("model/MLmodel", Text("x"));
        await Repo.WriteAsync("model/data/w.bin", Text("w"));
        await Repo.WriteAsync("a.png", Text("png"));

        var entries = await Repo.ListAsync();

        Assert.Equal([new("a.png", false, 3), new("model", true, null), new ArtifactEntry("z.txt", false, 5)], entries);
    }

    [ContractFact]
    public async Task ListAsync_SubFolder_PathsAreRelativeToTheRoot()
    {
        await Repo.WriteAsync("model/sub/w.bin", Text("w"));
        await Repo.WriteAsync("model/MLmodel", Text("m"));

        var entries = await Repo.ListAsync("model/");

        Assert.Equal([new("model/MLmodel", false, 1), new ArtifactEntry("model/sub", true, null)], entries);
    }

    [ContractFact]
    public async Task ListAsync_MissingFolder_IsEmpty() => Assert.Empty(await Repo.ListAsync("missing"));

    [ContractFact]
    public async Task OpenReadAsync_Missing_ThrowsResourceDoesNotExist() =>
        Assert.Equal(ErrorCode.ResourceDoesNotExist, (await Assert.ThrowsAsync<TrackingException>(() => Repo.OpenReadAsync("nope.txt"))).Code);

    [ContractFact]
    public async Task DownloadAsync_Folder_LandsUnderDestinationWithItsTree()
    {
        await Repo.WriteAsync("model/MLmodel", Text("m"));
        await Repo.WriteAsync("model/data/w.bin", Text("w"));
        await Repo.WriteAsync("other.txt", Text("o"));

        var folder = await Repo.DownloadAsync("model", Local);
        var file = await Repo.DownloadAsync("other.txt", Path.Join(Local, "single"));

        Assert.Equal(Path.Join(Local, "model"), folder);
        Assert.Equal("w", await File.ReadAllTextAsync(Path.Join(Local, "model", "data", "w.bin")));
        Assert.Equal("m", await File.ReadAllTextAsync(Path.Join(Local, "model", "MLmodel")));
        Assert.Equal("o", await File.ReadAllTextAsync(file));
    }

    [ContractFact]
    public async Task DownloadAsync_Missing_ThrowsResourceDoesNotExist() =>
        Assert.Equal(ErrorCode.ResourceDoesNotExist, (await Assert.ThrowsAsync<TrackingException>(() => Repo.DownloadAsync("absent", Local))).Code);

    [ContractFact]
    public async Task DeleteAsync_Folder_RemovesEverythingBelowAndKeepsSiblings()
    {
        await Repo.WriteAsync("model/MLmodel", Text("m"));
        await Repo.WriteAsync("model/data/w.bin", Text("w"));
        await Repo.WriteAsync("keep.txt", Text("k"));

        await Repo.DeleteAsync("model");

        Assert.Equal([new ArtifactEntry("keep.txt", false, 1)], await Repo.ListAsync());
        await Repo.DeleteAsync("never-written"); // deleting what is not there is no error
    }

    /// <summary>A source that cannot seek or tell its length, as a network stream.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 65536));
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
