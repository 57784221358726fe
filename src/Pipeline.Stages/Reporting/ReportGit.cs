namespace Pipeline.Stages.Reporting;

/// <summary>The git state a pipeline run recorded in MLflow's <c>mlflow.source.git.*</c> tags.</summary>
public sealed record ReportGit(string? Commit, string? Branch, bool? Dirty, string? RepoUrl);
