namespace Pipeline.Tracking.Registry;

/// <summary>
/// A registered-model search (MLflow's <c>search_registered_models</c>).
/// </summary>
/// <param name="Filter">
/// AND-joined comparisons on <c>name</c> (<c>=</c>, <c>!=</c>, <c>LIKE</c>, <c>ILIKE</c>) and <c>tags.&lt;key&gt;</c>
/// (the same comparators); null or empty matches every model.
/// </param>
/// <param name="MaxResults">Page size: default 100, at most 1000.</param>
/// <param name="OrderBy">Keys <c>name</c> and <c>last_updated_timestamp</c> (alias <c>timestamp</c>) with optional ASC/DESC;
/// <c>name ASC</c> is always the last tie-break.</param>
/// <param name="PageToken">The <see cref="Entities.PagedList{T}.NextPageToken"/> of the previous page.</param>
public sealed record RegisteredModelQuery(
    string? Filter = null,
    int MaxResults = RegisteredModelQuery.DefaultMaxResults,
    IReadOnlyList<string>? OrderBy = null,
    string? PageToken = null)
{
    /// <summary>MLflow's default page size: 100.</summary>
    public const int DefaultMaxResults = 100;

    /// <summary>MLflow's largest page: 1000.</summary>
    public const int MaxResultsThreshold = 1000;
}
