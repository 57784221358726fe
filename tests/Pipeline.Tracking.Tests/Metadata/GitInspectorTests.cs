using LibGit2Sharp;
using Pipeline.Tracking.Metadata;
using Pipeline.Tracking.Tests.Fakes;

namespace Pipeline.Tracking.Tests.Metadata;

public sealed class GitInspectorTests
{
    [Fact]
    public void Inspect_FolderOutsideAnyRepository_ReturnsNotARepository()
    {
        using var folder = new TempFolder();

        var snapshot = GitInspector.Inspect(folder.Path);

        Assert.Same(GitSnapshot.NotARepository, snapshot);
        Assert.False(snapshot.IsRepository);
    }

    [Fact]
    public void Inspect_CleanRepositoryOnBranch_ReportsCommitBranchAndNotDirty()
    {
        using var git = new GitTestRepository();
        git.Commit("train.cs", "class Train {}\n");
        git.CheckoutNewBranch("feature/sweep");
        var sha = git.Commit("train.cs", "class Train { }\n");

        var snapshot = GitInspector.Inspect(git.Path);

        Assert.True(snapshot.IsRepository);
        Assert.Equal(sha, snapshot.Commit);
        Assert.Equal(40, snapshot.Commit!.Length);
        Assert.Equal("feature/sweep", snapshot.Branch);
        Assert.False(snapshot.IsDirty);
        Assert.Null(snapshot.UncommittedDiff);
        Assert.Equal(Path.GetFullPath(git.Path), snapshot.WorkingDirectory);
    }

    [Fact]
    public void Inspect_FromSubfolder_DiscoversTheEnclosingRepository()
    {
        using var git = new GitTestRepository();
        var sha = git.Commit("src/a.txt", "a\n");

        var snapshot = GitInspector.Inspect(Path.Combine(git.Path, "src"));

        Assert.Equal(sha, snapshot.Commit);
    }

    [Fact]
    public void Inspect_ModifiedAndStagedFiles_IsDirtyWithOnePatchAgainstHead()
    {
        using var git = new GitTestRepository();
        git.Commit("a.txt", "one\n");
        git.Commit("b.txt", "bee\n");
        git.Write("a.txt", "one\ntwo\n");          // unstaged change
        git.Write("b.txt", "bee staged\n");
        git.Stage("b.txt");                         // staged change

        var snapshot = GitInspector.Inspect(git.Path);

        Assert.True(snapshot.IsDirty);
        Assert.NotNull(snapshot.UncommittedDiff);
        Assert.Contains("+++ b/a.txt", snapshot.UncommittedDiff);
        Assert.Contains("+two", snapshot.UncommittedDiff);
        Assert.Contains("+++ b/b.txt", snapshot.UncommittedDiff);
        Assert.Contains("+bee staged", snapshot.UncommittedDiff);
    }

    [Fact]
    public void Inspect_OnlyUntrackedFiles_IsNotDirty()
    {
        using var git = new GitTestRepository();
        git.Commit("a.txt", "one\n");
        git.Write("scratch.txt", "not tracked\n");

        var snapshot = GitInspector.Inspect(git.Path);

        Assert.False(snapshot.IsDirty);
        Assert.Null(snapshot.UncommittedDiff);
    }

    [Fact]
    public void Inspect_OriginWithCredentialsInUrl_RecordsUrlWithoutThem()
    {
        using var git = new GitTestRepository();
        git.Commit("a.txt", "one\n");
        git.Repo.Network.Remotes.Add("upstream", "https://example.invalid/other/repo.git");
        git.Repo.Network.Remotes.Add("origin", "https://ci-bot:ghp_secretToken@example.invalid/org/repo.git");

        var snapshot = GitInspector.Inspect(git.Path);

        Assert.Equal("https://example.invalid/org/repo.git", snapshot.RemoteUrl);
    }

    [Fact]
    public void Inspect_NoOriginRemote_UsesTheFirstRemote()
    {
        using var git = new GitTestRepository();
        git.Commit("a.txt", "one\n");
        git.Repo.Network.Remotes.Add("upstream", "git@example.invalid:org/repo.git");

        var snapshot = GitInspector.Inspect(git.Path);

        Assert.Equal("git@example.invalid:org/repo.git", snapshot.RemoteUrl);
    }

    [Fact]
    public void Inspect_DetachedHead_BranchIsNull()
    {
        using var git = new GitTestRepository();
        var first = git.Commit("a.txt", "one\n");
        git.Commit("a.txt", "two\n");
        Commands.Checkout(git.Repo, first);

        var snapshot = GitInspector.Inspect(git.Path);

        Assert.Equal(first, snapshot.Commit);
        Assert.Null(snapshot.Branch);
        Assert.True(snapshot.IsDetached);
    }

    [Fact]
    public void Inspect_RepositoryWithoutCommits_ReportsNoCommitWithoutError()
    {
        using var git = new GitTestRepository();
        git.Write("new.txt", "first\n");
        git.Stage("new.txt");

        var snapshot = GitInspector.Inspect(git.Path);

        Assert.True(snapshot.IsRepository);
        Assert.False(snapshot.HasCommits);
        Assert.Null(snapshot.Commit);
        Assert.Null(snapshot.ReadError);
        Assert.True(snapshot.IsDirty);
        Assert.Contains("+first", snapshot.UncommittedDiff);
    }
}
