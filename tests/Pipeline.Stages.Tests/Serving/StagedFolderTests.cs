using Pipeline.Stages.Stages.Serve;

namespace Pipeline.Stages.Tests.Serving;

public sealed class StagedFolderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"staged-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Replace_FillSucceeds_FolderHoldsOnlyTheNewContentAndNoStagingIsLeft()
    {
        var folder = Path.Combine(_root, "cache", "server");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "old.txt"), "old");

        StagedFolder.Replace(folder, staging =>
        {
            Directory.CreateDirectory(staging);
            File.WriteAllText(Path.Combine(staging, "new.txt"), "new");
        });

        Assert.Equal(["new.txt"], Directory.GetFiles(folder).Select(Path.GetFileName));
        Assert.Equal([folder], Directory.GetDirectories(Path.Combine(_root, "cache")));
    }

    [Fact]
    public void Replace_FillFails_KeepsTheOldFolderAndRemovesThePartialStaging()
    {
        var folder = Path.Combine(_root, "cache", "server");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "old.txt"), "old");

        var error = Assert.Throws<IOException>(() => StagedFolder.Replace(folder, staging =>
        {
            Directory.CreateDirectory(staging);
            File.WriteAllText(Path.Combine(staging, "half.txt"), "half");
            throw new IOException("disk full");
        }));

        Assert.Equal("disk full", error.Message);
        Assert.Equal("old", File.ReadAllText(Path.Combine(folder, "old.txt")));
        Assert.Equal([folder], Directory.GetDirectories(Path.Combine(_root, "cache")));
    }
}
