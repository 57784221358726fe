namespace Pipeline.Tracking.Registry;

/// <summary>
/// A model-version search (MLflow's <c>search_model_versions</c>). Deleted versions never match.
/// </summary>
/// <param name="Filter">
/// AND-joined comparisons on <c>name</c>, <c>run_id</c> (also <c>IN ('a', 'b')</c>), <c>source_path</c>
/// (<c>=</c>, <c>!=</c>, <c>LIKE</c>, <c>ILIKE</c>), <c>version_number</c> (numeric comparators) and <c>tags.&lt;key&gt;</c>;
/// null or empty matches every version.
/// </param>
/// <param name="MaxResults">Page size: default 10000, at most 200000.</param>
/// <param name="OrderBy">Keys <c>name</c>, <c>version_number</c>, <c>creation_timestamp</c>, <c>last_updated_timestamp</c>
/// with optional ASC/DESC; default <c>last_updated_timestamp DESC, name ASC, version_number DESC</c>.</param>
/// <param name="PageToken">The <see cref="Entities.PagedList{T}.NextPageToken"/> of the previous page.</param>
public sealed record ModelVersionQuery(
    string? Filter = null,
    int MaxResults = ModelVersionQuery.DefaultMaxResults,
    IReadOnlyList<string>? OrderBy = null,
    string? PageToken = null)
{
    /// <summary>MLflow's default page size: 10000.</summary>
    public const int DefaultMaxResults = 10_000;

    /// <summary>MLflow's largest page: 200000.</summary>
    public const int MaxResultsThreshold = 200_000;
}
