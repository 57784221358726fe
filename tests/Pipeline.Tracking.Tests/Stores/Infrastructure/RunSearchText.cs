using System.Globalization;
using Pipeline.Tracking.Search;
using Pipeline.Tracking.Stores;

namespace Pipeline.Tracking.Tests.Stores.Infrastructure;

/// <summary>Spells a parsed <see cref="RunSearch"/> back in MLflow's filter and order-by grammar, for stores that only take text (REST).</summary>
public static class RunSearchText
{
    public static RunQuery ToQuery(RunSearch search) => new(
        search.ExperimentIds,
        search.Filter is { Count: > 0 } filter ? string.Join(" AND ", filter.Select(Clause)) : null,
        search.ViewType,
        search.MaxResults,
        search.OrderBy?.Select(o => $"{Prefix(o.Kind)}.`{o.Key}` {(o.Ascending ? "ASC" : "DESC")}").ToList(),
        search.PageToken);

    private static string Clause(FilterClause c) => $"{Prefix(c.Kind)}.`{c.Key}` {ComparatorRules.Name(c.Comparator)} {Value(c.Value)}";

    private static string Prefix(EntityKind kind) => kind switch
    {
        EntityKind.Metric => "metrics",
        EntityKind.Param => "params",
        EntityKind.Tag => "tags",
        EntityKind.Dataset => "datasets",
        _ => "attributes",
    };

    private static string Value(object value) => value switch
    {
        string s => Quote(s),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IEnumerable<string> list => $"({string.Join(", ", list.Select(Quote))})",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    private static string Quote(string s) => $"'{s.Replace("'", "\\'", StringComparison.Ordinal)}'";
}
