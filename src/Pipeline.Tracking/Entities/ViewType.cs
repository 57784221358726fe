namespace Pipeline.Tracking.Entities;

/// <summary>Which lifecycle stages a search returns (MLflow's <c>ACTIVE_ONLY</c>, <c>DELETED_ONLY</c>, <c>ALL</c>).</summary>
public enum ViewType
{
    ActiveOnly = 1,
    DeletedOnly = 2,
    All = 3,
}
