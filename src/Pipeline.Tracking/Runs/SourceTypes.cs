namespace Pipeline.Tracking.Runs;

/// <summary>MLflow's <c>SourceType</c> names, the values of the <c>mlflow.source.type</c> tag.</summary>
public static class SourceTypes
{
    public const string Notebook = "NOTEBOOK";
    public const string Job = "JOB";
    public const string Project = "PROJECT";
    public const string Local = "LOCAL";
    public const string Unknown = "UNKNOWN";
}
