namespace Pipeline.Tracking.Entities;

/// <summary>Whether an experiment or run is live or soft-deleted (MLflow's <c>active</c> / <c>deleted</c>).</summary>
public enum LifecycleStage
{
    Active,
    Deleted,
}
