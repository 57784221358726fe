namespace Pipeline.Tracking.Search;

/// <summary>
/// Parses MLflow's search grammar. Errors are <see cref="SearchSyntaxException"/> pointing at the bad token.
/// </summary>
public static class SearchFilterParser
{
    /// <summary>Parses a run filter such as <c>metrics.roc_auc &gt; 0.9 and params.solver = 'lbfgs'</c>; empty or null gives no clauses.</summary>
    public static IReadOnlyList<FilterClause> ParseRunFilter(string? filter) =>
        throw new NotImplementedException("Search filter parser is not built yet.");

    /// <summary>Parses one run order-by key such as <c>metrics.roc_auc DESC</c> (ascending when no direction is given).</summary>
    public static OrderByClause ParseRunOrderBy(string orderBy) =>
        throw new NotImplementedException("Search order-by parser is not built yet.");
}
