using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Metadata;

namespace Pipeline.Tracking.Runs;

/// <summary>
/// What the library records on every run without being asked: who, from what source, git state and environment.
/// <see cref="TrackingClient"/> captures it once and reuses it for each run it starts.
/// </summary>
public sealed record RunContext(string User, string SourceName, string SourceType, GitSnapshot Git, EnvironmentSnapshot Environment)
{
    /// <summary>
    /// The system tags for this context, in MLflow's names (git tags only inside a repository with commits; otherwise
    /// <see cref="RunContextTagNames.GitState"/> says why there are none).
    /// </summary>
    public IReadOnlyList<RunTag> ToTags()
    {
        var tags = new List<RunTag>
        {
            new(SystemTags.User, User),
            new(SystemTags.SourceName, SourceName),
            new(SystemTags.SourceType, SourceType),
        };
        if (Git.HasCommits)
        {
            tags.Add(new(SystemTags.GitCommit, Git.Commit!));
            tags.Add(new(RunContextTagNames.GitDirty, Git.IsDirty ? "true" : "false"));
            if (Git.Branch is { } branch)
            {
                tags.Add(new(SystemTags.GitBranch, branch));
                tags.Add(new(RunContextTagNames.LegacyGitBranchName, branch));
            }

            if (Git.RemoteUrl is { } url)
            {
                tags.Add(new(SystemTags.GitRepoUrl, url));
                tags.Add(new(RunContextTagNames.LegacyGitRepoUrl, url));
            }
        }

        if (GitState() is { } state)
        {
            tags.Add(new(RunContextTagNames.GitState, state));
        }

        if (Environment.Ci is { } ci)
        {
            tags.Add(new(RunContextTagNames.CiProvider, ci.Provider));
            if (ci.BuildId is { } id)
            {
                tags.Add(new(RunContextTagNames.CiBuildId, id));
            }

            if (ci.BuildUrl is { } buildUrl)
            {
                tags.Add(new(RunContextTagNames.CiBuildUrl, buildUrl));
            }
        }

        return tags;
    }

    // A run without git tags says why, so that "outside git" is not mistaken for "git metadata was lost".
    private string? GitState()
    {
        const int MaxReasonLength = 1000;
        if (!Git.IsRepository)
        {
            return "not a git repository";
        }

        if (Git.ReadError is { } error)
        {
            var reason = "unreadable: " + error;
            return reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason;
        }

        return Git.HasCommits ? null : "no commits";
    }
}
