using System.Diagnostics;
using LibGit2Sharp;
using Pipeline.Stages.Running;

namespace Pipeline.Stages.Reproduction;

/// <summary>
/// A recorded commit checked out into a temporary git worktree of its repository (LibGit2Sharp), with the recorded
/// uncommitted diff applied when the run had one. Disposing removes the worktree, its folder and its branch.
/// </summary>
internal sealed class CommitCheckout : IDisposable
{
    private readonly string _gitDir;
    private readonly string _name;

    private CommitCheckout(string gitDir, string name, string path)
    {
        _gitDir = gitDir;
        _name = name;
        Path = path;
    }

    /// <summary>The worktree's root folder.</summary>
    public string Path { get; }

    /// <summary>
    /// Finds the repository (the first of <paramref name="candidates"/> inside one that has <paramref name="commit"/>)
    /// and checks the commit out under <paramref name="parent"/>.
    /// </summary>
    /// <exception cref="PipelineException">No candidate repository has the commit.</exception>
    public static CommitCheckout Create(string commit, IEnumerable<string> candidates, string parent)
    {
        var tried = new List<string>();
        foreach (var folder in candidates.Where(Directory.Exists))
        {
            var gitDir = Repository.Discover(System.IO.Path.GetFullPath(folder));
            if (gitDir is null) continue;
            using var repo = new Repository(gitDir);
            tried.Add(repo.Info.WorkingDirectory ?? gitDir);
            if (repo.Lookup<Commit>(commit) is null) continue;
            var name = $"pipeline-reproduce-{Guid.NewGuid():N}"[..32];
            var path = System.IO.Path.Combine(parent, "worktree");
            repo.Worktrees.Add(commit, name, path, isLocked: false);
            return new CommitCheckout(gitDir, name, path);
        }

        throw new PipelineException(tried.Count == 0
            ? $"commit {commit} cannot be checked out: neither the current directory nor the run's pipeline file is inside a git repository (pass --repo PATH)."
            : $"commit {commit} is not in the repository at {string.Join(" or ", tried.Distinct())} (fetch it, or pass --repo PATH to a clone that has it).");
    }

    /// <summary>The path of <paramref name="recordedSource"/> (an absolute path on the recording machine) inside the commit: its longest suffix that exists.</summary>
    public string? Locate(string recordedSource)
    {
        var parts = recordedSource.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var skip = 0; skip < parts.Length; skip++)
        {
            var candidate = System.IO.Path.Combine([Path, .. parts[skip..]]);
            if (File.Exists(candidate)) return candidate;
        }

        return null;
    }

    /// <summary>
    /// Applies the run's recorded diff (<c>git/uncommitted.diff</c>) with <c>git apply</c>, since LibGit2Sharp cannot apply
    /// a patch. Refuses, with the reason, when git is missing or the diff does not apply to the commit.
    /// </summary>
    public async Task ApplyAsync(string diffFile, CancellationToken ct)
    {
        var start = new ProcessStartInfo("git", ["apply", "--whitespace=nowarn", diffFile])
        {
            WorkingDirectory = Path,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new PipelineException($"the run had uncommitted changes (git/uncommitted.diff) and applying them needs the git executable, which could not be started ({e.Message}); install git or reproduce a run of a clean tree.");
        }

        using (process)
        {
            var error = await process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
                throw new PipelineException($"the run's uncommitted changes (git/uncommitted.diff) do not apply to its commit: {error.Trim()}");
        }
    }

    public void Dispose()
    {
        try
        {
            using var repo = new Repository(_gitDir);
            var worktree = repo.Worktrees[_name];
            DeleteFolder(Path);
            // With its folder gone the worktree is prunable: this removes its administrative files under .git/worktrees.
            if (worktree is not null)
                repo.Worktrees.Prune(worktree, ifLocked: true);
            if (repo.Branches[_name] is { } branch)
                repo.Branches.Remove(branch);
        }
        catch (Exception e) when (e is LibGit2SharpException or IOException or UnauthorizedAccessException)
        {
            // Cleanup is best effort: 'git worktree prune' removes what is left.
        }
    }

    private static void DeleteFolder(string path)
    {
        if (!Directory.Exists(path)) return;
        // git makes its object files read-only; clear that so the folder can go on Windows too.
        foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
            File.SetAttributes(file, FileAttributes.Normal);
        Directory.Delete(path, recursive: true);
    }
}
