namespace Pipeline.Tracking.Entities;

/// <summary>MLflow's reserved tag names, recorded on every run started through the library.</summary>
public static class SystemTags
{
    public const string RunName = "mlflow.runName";
    public const string ParentRunId = "mlflow.parentRunId";
    public const string User = "mlflow.user";
    public const string SourceName = "mlflow.source.name";
    public const string SourceType = "mlflow.source.type";
    public const string GitCommit = "mlflow.source.git.commit";
    public const string GitBranch = "mlflow.source.git.branch";
    public const string GitRepoUrl = "mlflow.source.git.repoURL";
    public const string NoteContent = "mlflow.note.content";
    public const string LoggedModels = "mlflow.log-model.history";
    public const string DatasetContext = "mlflow.data.context";
}
