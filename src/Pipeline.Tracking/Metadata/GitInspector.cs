using LibGit2Sharp;

namespace Pipeline.Tracking.Metadata;

/// <summary>Reads a <see cref="GitSnapshot"/> of the repository containing a folder, with LibGit2Sharp (no git executable needed).</summary>
public static class GitInspector
{
    /// <summary>The remote whose URL is recorded; the first remote is used when it does not exist.</summary>
    public const string DefaultRemoteName = "origin";

    /// <summary>
    /// Discovers the repository containing <paramref name="folder"/> (searching parent folders) and reads its state.
    /// Never throws for git reasons: a folder outside any repository gives <see cref="GitSnapshot.NotARepository"/>,
    /// an unreadable repository a snapshot with <see cref="GitSnapshot.ReadError"/> set.
    /// </summary>
    public static GitSnapshot Inspect(string folder, string remoteName = DefaultRemoteName)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        string? gitDir;
        try
        {
            gitDir = Repository.Discover(Path.GetFullPath(folder));
        }
        catch (LibGit2SharpException)
        {
            gitDir = null;
        }

        if (gitDir is null)
        {
            return GitSnapshot.NotARepository;
        }

        try
        {
            using var repo = new Repository(gitDir);
            return Read(repo, remoteName);
        }
        catch (LibGit2SharpException e)
        {
            return new GitSnapshot(true, null, null, null, false, null, null, $"Could not read the git repository at '{gitDir}': {e.Message}");
        }
    }

    private static GitSnapshot Read(Repository repo, string remoteName)
    {
        var tip = repo.Head.Tip;
        var commit = tip?.Sha;
        // An unborn branch (no commits yet) still has a name; a detached HEAD has none.
        var branch = repo.Info.IsHeadDetached ? null : repo.Head.FriendlyName;
        var remote = repo.Network.Remotes[remoteName] ?? repo.Network.Remotes.FirstOrDefault();
        var remoteUrl = remote?.Url is { } url ? GitUrls.StripCredentials(url) : null;

        var dirty = false;
        string? diff = null;
        if (!repo.Info.IsBare)
        {
            var status = repo.RetrieveStatus(new StatusOptions { IncludeUntracked = false, RecurseUntrackedDirs = false });
            dirty = status.IsDirty;
            if (dirty)
            {
                // Null tree = the empty tree, so a repository without commits diffs against nothing.
                using var patch = repo.Diff.Compare<Patch>(tip?.Tree, DiffTargets.Index | DiffTargets.WorkingDirectory);
                diff = patch.Content;
            }
        }

        var workingDirectory = repo.Info.WorkingDirectory is { } wd ? Path.TrimEndingDirectorySeparator(wd) : null;
        return new GitSnapshot(true, workingDirectory, commit, branch, dirty, remoteUrl, diff);
    }
}
