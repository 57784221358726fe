namespace Pipeline.Tracking.Entities;

/// <summary>The wire names MLflow uses for the tracking enums.</summary>
public static class MlflowNames
{
    public static string ToMlflowName(this RunStatus status) => status switch
    {
        RunStatus.Running => "RUNNING",
        RunStatus.Scheduled => "SCHEDULED",
        RunStatus.Finished => "FINISHED",
        RunStatus.Failed => "FAILED",
        RunStatus.Killed => "KILLED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool TryParseRunStatus(string name, out RunStatus status)
    {
        switch (name.ToUpperInvariant())
        {
            case "RUNNING": status = RunStatus.Running; return true;
            case "SCHEDULED": status = RunStatus.Scheduled; return true;
            case "FINISHED": status = RunStatus.Finished; return true;
            case "FAILED": status = RunStatus.Failed; return true;
            case "KILLED": status = RunStatus.Killed; return true;
            default: status = default; return false;
        }
    }

    public static string ToMlflowName(this LifecycleStage stage) =>
        stage == LifecycleStage.Active ? "active" : "deleted";

    public static LifecycleStage ParseLifecycleStage(string name) => name switch
    {
        "active" => LifecycleStage.Active,
        "deleted" => LifecycleStage.Deleted,
        _ => throw new TrackingException(ErrorCode.InvalidParameterValue, $"Unknown lifecycle stage '{name}'."),
    };

    /// <summary>True when a run or experiment in <paramref name="stage"/> is visible under <paramref name="view"/>.</summary>
    public static bool IsVisible(this ViewType view, LifecycleStage stage) => view switch
    {
        ViewType.ActiveOnly => stage == LifecycleStage.Active,
        ViewType.DeletedOnly => stage == LifecycleStage.Deleted,
        _ => true,
    };
}
