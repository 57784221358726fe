namespace Pipeline.Tracking.Search;

/// <summary>
/// Parses MLflow's search grammar: comparisons joined by AND (case-insensitive; OR and parentheses are errors),
/// keys prefixed <c>metrics.</c>, <c>params.</c>, <c>tags.</c>, <c>attributes.</c> or <c>datasets.</c> (and MLflow's
/// other spellings), unprefixed keys being attributes; keys with spaces or dashes quoted in backticks or double quotes.
/// Errors are <see cref="SearchSyntaxException"/> (INVALID_PARAMETER_VALUE) naming the bad token and its position.
/// </summary>
/// <remarks>
/// Attribute aliases are returned canonical: <c>created</c> is <c>start_time</c>, <c>`Run name`</c> is <c>run_name</c>.
/// Metric and numeric-attribute values are <see cref="double"/>; IN lists are <see cref="IReadOnlyList{T}"/> of strings.
/// </remarks>
public static class SearchFilterParser
{
    /// <summary>Parses a run filter such as <c>metrics.roc_auc &gt; 0.9 and params.solver = 'lbfgs'</c>; empty or null gives no clauses.</summary>
    public static IReadOnlyList<FilterClause> ParseRunFilter(string? filter) =>
        FilterParser.Parse(filter, SearchDialect.Runs);

    /// <summary>Parses one run order-by key such as <c>metrics.roc_auc DESC</c> (ascending when no direction is given).</summary>
    public static OrderByClause ParseRunOrderBy(string orderBy) =>
        OrderByParser.Parse(orderBy, SearchDialect.Runs);

    /// <summary>Parses every run order-by key of a list; null gives none.</summary>
    public static IReadOnlyList<OrderByClause> ParseRunOrderBy(IEnumerable<string>? orderBy) =>
        orderBy?.Select(ParseRunOrderBy).ToList() ?? [];

    /// <summary>
    /// Parses an experiment filter (<c>name LIKE 'sweep-%' and tags.team = 'ml'</c>): attributes <c>name</c>,
    /// <c>creation_time</c>, <c>last_update_time</c> and tags, with prefixes <c>attribute</c>, <c>tag</c>, <c>tags</c>.
    /// </summary>
    public static IReadOnlyList<FilterClause> ParseExperimentFilter(string? filter) =>
        FilterParser.Parse(filter, SearchDialect.Experiments);

    /// <summary>Parses one experiment order-by key: <c>name</c>, <c>experiment_id</c>, <c>creation_time</c> or <c>last_update_time</c>.</summary>
    public static OrderByClause ParseExperimentOrderBy(string orderBy) =>
        OrderByParser.Parse(orderBy, SearchDialect.Experiments);

    /// <summary>Parses every experiment order-by key of a list; null gives none.</summary>
    public static IReadOnlyList<OrderByClause> ParseExperimentOrderBy(IEnumerable<string>? orderBy) =>
        orderBy?.Select(ParseExperimentOrderBy).ToList() ?? [];
}
