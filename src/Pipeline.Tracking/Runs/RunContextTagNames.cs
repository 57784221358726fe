namespace Pipeline.Tracking.Runs;

/// <summary>
/// Tags <see cref="TrackingClient"/> records beyond <see cref="Entities.SystemTags"/>: MLflow's newer
/// <c>mlflow.source.git.dirty</c>, the legacy git tags MLflow still writes for older UIs, and our CI tags.
/// </summary>
public static class RunContextTagNames
{
    /// <summary><c>true</c> or <c>false</c>: whether tracked files differed from the commit (MLflow's name).</summary>
    public const string GitDirty = "mlflow.source.git.dirty";

    /// <summary>Legacy copy of <c>mlflow.source.git.repoURL</c>, still written by MLflow's git run context.</summary>
    public const string LegacyGitRepoUrl = "mlflow.gitRepoURL";

    /// <summary>Legacy copy of <c>mlflow.source.git.branch</c>, still written by MLflow projects.</summary>
    public const string LegacyGitBranchName = "mlflow.gitBranchName";

    /// <summary>The CI provider (see <see cref="Metadata.CiInfo.Provider"/>); absent outside CI.</summary>
    public const string CiProvider = "ci.provider";

    /// <summary>The CI build (pipeline/run) id, when the provider exposes one.</summary>
    public const string CiBuildId = "ci.buildId";

    /// <summary>The CI build's web page, when the provider exposes it.</summary>
    public const string CiBuildUrl = "ci.buildUrl";

    /// <summary>
    /// Why a run has no git commit tags: <c>not a git repository</c>, <c>no commits</c>, or <c>unreadable: </c> and the
    /// reason. Absent when the commit was recorded and the repository read cleanly.
    /// </summary>
    public const string GitState = "pipeline.git.state";

    /// <summary>Artifact path of the patch of uncommitted changes, logged only when the repository is dirty.</summary>
    public const string UncommittedDiffArtifact = "git/uncommitted.diff";
}
