using Pipeline.Stages.Stages.Serve;

namespace Pipeline.Stages.Tests.Serving;

public sealed class StagedFolderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"staged-{Guid.NewGuid():N}");

    private string Folder => Path.Combine(_root, "cache", "server");

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Publish_OverAnUnfinishedLeftover_FolderHoldsOnlyTheNewContentAndNoStagingIsLeft()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, "old.txt"), "old");

        StagedFolder.Publish(Folder, "entry.dll", staging => Fill(staging, "new"));

        Assert.Equal(["entry.dll"], Directory.GetFiles(Folder).Select(Path.GetFileName));
        Assert.Equal([Folder], Directory.GetDirectories(Path.Combine(_root, "cache")));
    }

    [Fact]
    public void Publish_FillFails_KeepsTheOldFolderAndRemovesThePartialStaging()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, "old.txt"), "old");

        var error = Assert.Throws<IOException>(() => StagedFolder.Publish(Folder, "entry.dll", staging =>
        {
            Directory.CreateDirectory(staging);
            File.WriteAllText(Path.Combine(staging, "half.txt"), "half");
            throw new IOException("disk full");
        }));

        Assert.Equal("disk full", error.Message);
        Assert.Equal("old", File.ReadAllText(Path.Combine(Folder, "old.txt")));
        Assert.Equal([Folder], Directory.GetDirectories(Path.Combine(_root, "cache")));
    }

    [Fact]
    public void Publish_AnotherProcessFinishedTheFolderMeanwhile_KeepsTheirsUntouchedAndDiscardsThisCopy()
    {
        StagedFolder.Publish(Folder, "entry.dll", staging =>
        {
            Fill(staging, "mine");
            Fill(Folder, "theirs"); // the other process renames its finished copy into place while this one fills
        });

        Assert.Equal("theirs", File.ReadAllText(Path.Combine(Folder, "entry.dll")));
        Assert.Equal([Folder], Directory.GetDirectories(Path.Combine(_root, "cache")));
    }

    [Fact]
    public async Task Publish_EightFillsAtOnce_AllSucceedAndLeaveOneFinishedFolder()
    {
        using var start = new Barrier(8);
        var fills = Enumerable.Range(0, 8).Select(i => Task.Run(() => StagedFolder.Publish(Folder, "entry.dll", staging =>
        {
            Fill(staging, $"copy {i}");
            start.SignalAndWait(TimeSpan.FromSeconds(30));
        })));

        await Task.WhenAll(fills);

        Assert.StartsWith("copy ", File.ReadAllText(Path.Combine(Folder, "entry.dll")));
        Assert.Equal([Folder], Directory.GetDirectories(Path.Combine(_root, "cache")));
    }

    private static void Fill(string folder, string content)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "entry.dll"), content);
    }
}
