using Pipeline.Stages.Stages.Serve;
using Pipeline.Stages.Tests.EndToEnd;

namespace Pipeline.Stages.Tests.Serving;

public sealed class CachedVersionsTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"cached-versions-{Guid.NewGuid():N}");
    private readonly RecordingReporter _reporter = new();

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Prune_KeepsTheCurrentCopyAndTheMostRecentlyUsedOthers_RemovesOlderIdleCopies()
    {
        var current = Copy("current", Now);
        Copy("used-1h", Now.AddHours(-1));
        Copy("used-2h", Now.AddHours(-2));
        var older = Copy("used-3d", Now.AddDays(-3));
        var oldest = Copy("used-9d", Now.AddDays(-9));

        var removed = CachedVersions.Prune(current, Now, _reporter);

        Assert.Equal([older, oldest], removed.Order(StringComparer.Ordinal));
        Assert.Equal(["current", "used-1h", "used-2h"], Remaining());
        Assert.Contains(_reporter.Lines, m => m.Contains("Removed 2 old cached copies", StringComparison.Ordinal));
    }

    [Fact]
    public void Prune_ACopyBeyondTheKeptOnesButUsedWithinTheHour_IsLeftForTheRunThatMayStillUseIt()
    {
        var current = Copy("current", Now);
        Copy("a", Now.AddMinutes(-5));
        Copy("b", Now.AddMinutes(-10));
        Copy("c", Now.AddMinutes(-20));

        var removed = CachedVersions.Prune(current, Now, _reporter);

        Assert.Empty(removed);
        Assert.Equal(["a", "b", "c", "current"], Remaining());
    }

    [Fact]
    public void Prune_TheCurrentCopy_IsKeptEvenWhenItIsTheOldest()
    {
        var current = Copy("current", Now.AddDays(-30));
        Copy("a", Now.AddHours(-2));
        Copy("b", Now.AddHours(-3));
        Copy("c", Now.AddHours(-4));

        CachedVersions.Prune(current, Now, _reporter);

        Assert.Equal(["a", "b", "current"], Remaining());
    }

    [Fact]
    public void MarkUsed_AReusedOldCopy_CountsAsRecentlyUsed()
    {
        var reused = Copy("reused", Now.AddDays(-5));
        Copy("a", Now.AddHours(-2));
        Copy("b", Now.AddHours(-3));
        Copy("c", Now.AddHours(-4));
        var current = Copy("current", Now);

        CachedVersions.MarkUsed(reused, Now.AddMinutes(-1));
        CachedVersions.Prune(current, Now, _reporter);

        Assert.Equal(["a", "current", "reused"], Remaining());
    }

    [Fact]
    public void Prune_AnInterruptedFillsStagingFolder_IsRemovedOnlyOnceIdle()
    {
        var current = Copy("current", Now);
        var abandoned = Copy($".staging-{Guid.NewGuid():N}", Now.AddHours(-6));
        var inProgress = Copy($".staging-{Guid.NewGuid():N}", Now.AddSeconds(-30));

        var removed = CachedVersions.Prune(current, Now, _reporter);

        Assert.Equal([abandoned], removed);
        Assert.True(Directory.Exists(inProgress));
    }

    [Fact]
    public void Prune_NoFolderBesideTheCurrentOne_RemovesNothingAndSaysNothing()
    {
        var current = Copy("current", Now);

        Assert.Empty(CachedVersions.Prune(current, Now, _reporter));
        Assert.Empty(_reporter.Lines);
    }

    private string Copy(string name, DateTime lastUsedUtc)
    {
        var folder = Path.Combine(_root, name);
        Directory.CreateDirectory(Path.Combine(folder, "app"));
        File.WriteAllText(Path.Combine(folder, "app", "Pipeline.Serving.dll"), name);
        Directory.SetLastWriteTimeUtc(folder, lastUsedUtc);
        return folder;
    }

    private string[] Remaining() =>
        Directory.GetDirectories(_root).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
}
