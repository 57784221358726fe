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
    /// <summary>
    /// Parses <paramref name="query"/>'s filter and order-by; a blank filter and an empty order-by need no parser. Two
    /// order-by entries on the same key (<c>metrics.a</c>, <c>metric.a DESC</c>) are refused, as MLflow's SQL store
    /// refuses them (with INTERNAL_ERROR there; a bad request is INVALID_PARAMETER_VALUE here).
    /// </summary>
    public static RunSearch From(RunQuery query)
    {
        var orderByText = query.OrderBy?.Where(o => !string.IsNullOrWhiteSpace(o)).ToList() ?? [];
        var orderBy = orderByText.Select(SearchFilterParser.ParseRunOrderBy).ToList();
        if (orderBy.DistinctBy(o => (o.Kind, o.Key)).Count() < orderBy.Count)
        {
            throw new TrackingException(ErrorCode.InvalidParameterValue,
                $"`order_by` contains duplicate fields: [{string.Join(", ", orderByText.Select(o => $"'{o}'"))}]");
        }

        return new RunSearch(
            query.ExperimentIds,
            string.IsNullOrWhiteSpace(query.Filter) ? [] : SearchFilterParser.ParseRunFilter(query.Filter),
            query.ViewType,
            query.MaxResults,
            orderBy,
            query.PageToken);
    }
}
