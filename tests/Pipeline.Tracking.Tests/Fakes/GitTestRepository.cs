using LibGit2Sharp;

namespace Pipeline.Tracking.Tests.Fakes;

/// <summary>TEST HELPER: a real git repository in a temp folder, built with LibGit2Sharp.</summary>
public sealed class GitTestRepository : IDisposable
{
    private static readonly Signature Author = new("Test", "test@example.invalid", new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private readonly TempFolder _folder = new();

    public GitTestRepository()
    {
        Repository.Init(_folder.Path);
        Repo = new Repository(_folder.Path);
    }

    public Repository Repo { get; }

    public string Path => _folder.Path;

    public void Write(string relativePath, string content)
    {
        var full = _folder.Combine(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    public void Stage(string relativePath) => Commands.Stage(Repo, relativePath);

    /// <summary>Writes, stages and commits one file; returns the commit sha.</summary>
    public string Commit(string relativePath, string content, string message = "change")
    {
        Write(relativePath, content);
        Stage(relativePath);
        return Repo.Commit(message, Author, Author).Sha;
    }

    public void CheckoutNewBranch(string name)
    {
        Repo.CreateBranch(name);
        Commands.Checkout(Repo, name);
    }

    public void Dispose()
    {
        Repo.Dispose();
        _folder.Dispose();
    }
}
