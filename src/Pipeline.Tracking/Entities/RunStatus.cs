namespace Pipeline.Tracking.Entities;

/// <summary>A run's status, with MLflow's names (<c>RUNNING</c>, <c>SCHEDULED</c>, ...).</summary>
public enum RunStatus
{
    Running = 1,
    Scheduled = 2,
    Finished = 3,
    Failed = 4,
    Killed = 5,
}
