using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Search;

namespace Pipeline.Tracking.Stores;

/// <summary>
/// A run search with the filter and order-by already parsed (what <see cref="RunQuery"/> becomes after
/// <see cref="SearchFilterParser"/>). Clauses are joined by AND; runs are ordered by <paramref name="OrderBy"/>,
/// then start_time DESC, then run_id. <paramref name="MaxResults"/> defaults to 1000 (limit 50000).
/// </summary>
public sealed record RunSearch(
    IReadOnlyList<string> ExperimentIds,
    IReadOnlyList<FilterClause>? Filter = null,
    ViewType ViewType = ViewType.ActiveOnly,
    int MaxResults = 1000,
    IReadOnlyList<OrderByClause>? OrderBy = null,
    string? PageToken = null)
{
    /// <summary>Parses <paramref name="query"/>'s filter and order-by; a blank filter and an empty order-by need no parser.</summary>
    public static RunSearch From(RunQuery query) => new(
        query.ExperimentIds,
        string.IsNullOrWhiteSpace(query.Filter) ? [] : SearchFilterParser.ParseRunFilter(query.Filter),
        query.ViewType,
        query.MaxResults,
        query.OrderBy is null ? [] : query.OrderBy.Where(o => !string.IsNullOrWhiteSpace(o)).Select(SearchFilterParser.ParseRunOrderBy).ToList(),
        query.PageToken);
}
