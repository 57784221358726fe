namespace Pipeline.Tracking.Metadata;

/// <summary>
/// The state of the git repository a run's code came from, as <see cref="GitInspector"/> read it.
/// </summary>
/// <param name="IsRepository">False when the folder is not inside a git repository; every other field is then empty.</param>
/// <param name="WorkingDirectory">The repository's working tree root (null for a bare repository).</param>
/// <param name="Commit">The 40-character sha of HEAD; null in a repository with no commits yet.</param>
/// <param name="Branch">The checked-out branch's short name; null when HEAD is detached.</param>
/// <param name="IsDirty">True when tracked files differ from HEAD in the index or working tree; untracked files are ignored, as MLflow does.</param>
/// <param name="RemoteUrl">The URL of the <c>origin</c> remote (else the first remote), with any user name and password removed.</param>
/// <param name="UncommittedDiff">When dirty: a patch of index and working tree against HEAD, which <c>git apply</c> applies onto HEAD.</param>
/// <param name="ReadError">Set when a repository was found but could not be read; the other fields hold what was read before.</param>
public sealed record GitSnapshot(
    bool IsRepository,
    string? WorkingDirectory,
    string? Commit,
    string? Branch,
    bool IsDirty,
    string? RemoteUrl,
    string? UncommittedDiff,
    string? ReadError = null)
{
    /// <summary>The snapshot of a folder that is not inside any git repository.</summary>
    public static GitSnapshot NotARepository { get; } = new(false, null, null, null, false, null, null);

    /// <summary>True when HEAD points at a commit (false for a new repository with no commits).</summary>
    public bool HasCommits => Commit is not null;

    /// <summary>True when HEAD is a commit rather than a branch.</summary>
    public bool IsDetached => HasCommits && Branch is null;
}
