using System.Collections;
using System.Globalization;
using System.Text;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Search;

namespace Pipeline.Tracking.Stores.Sql;

/// <summary>
/// Translates a parsed <see cref="RunSearch"/> into one SELECT of run ids. Every value is a bound parameter;
/// only column names chosen from fixed tables and generated parameter names enter the SQL text.
/// Metric, param and tag filters are inner joins rather than correlated EXISTS: each of those tables holds at most one
/// row per (key, run), so the join keeps the same runs, and the database may start from the most selective filter's
/// index (latest_metrics (key, is_nan, value), params (key, value)) instead of probing every run of the experiment.
/// </summary>
internal sealed class RunSearchSqlBuilder(SqlDialect dialect)
{
    private static readonly Dictionary<string, (string Column, bool Numeric)> Attributes = new(StringComparer.Ordinal)
    {
        ["run_id"] = ("r.run_uuid", false),
        ["run_name"] = ("r.name", false),
        ["status"] = ("r.status", false),
        ["user_id"] = ("r.user_id", false),
        ["artifact_uri"] = ("r.artifact_uri", false),
        ["start_time"] = ("r.start_time", true),
        ["created"] = ("r.start_time", true),
        ["Created"] = ("r.start_time", true),
        ["end_time"] = ("r.end_time", true),
    };

    private readonly List<(string, object?)> _binds = [];
    private readonly StringBuilder _joins = new();

    // Filter joins by (kind, key): ordering by a key a filter already joined reuses that row instead of joining again.
    private readonly Dictionary<(EntityKind, string), string> _filterAliases = [];
    private int _filterJoins;

    public (string Sql, (string, object?)[] Binds) Build(RunSearch search, IReadOnlyList<long> experimentIds, long offset, int limit)
    {
        var where = new List<string>
        {
            $"r.experiment_id IN ({string.Join(", ", experimentIds.Select(e => Bind(e)))})",
            search.ViewType switch
            {
                ViewType.ActiveOnly => "r.lifecycle_stage = 'active'",
                ViewType.DeletedOnly => "r.lifecycle_stage = 'deleted'",
                _ => "r.lifecycle_stage IN ('active', 'deleted')",
            },
        };
        where.AddRange((search.Filter ?? []).Select(Condition).Where(c => c.Length > 0));

        var order = new List<string>();
        var orderBy = search.OrderBy ?? [];
        for (var i = 0; i < orderBy.Count; i++)
        {
            order.AddRange(OrderExpressions(orderBy[i], i));
        }

        if (!orderBy.Any(o => o.Kind == EntityKind.Attribute && Attributes.TryGetValue(o.Key, out var a) && a.Column == "r.start_time"))
        {
            order.Add("r.start_time DESC");
        }

        order.Add("r.run_uuid");
        var sql = $"""
            SELECT r.run_uuid FROM runs r{_joins}
            WHERE {string.Join("\n  AND ", where)}
            ORDER BY {string.Join(", ", order)}
            LIMIT {Bind((long)limit)} OFFSET {Bind(offset)}
            """;
        return (sql, _binds.ToArray());
    }

    private string Bind(object? value)
    {
        var name = $"s{_binds.Count}";
        _binds.Add((name, value));
        return "@" + name;
    }

    /// <summary>A WHERE condition, or "" when the clause became a join condition.</summary>
    private string Condition(FilterClause clause)
    {
        switch (clause.Kind)
        {
            case EntityKind.Metric:
                FilterJoin("latest_metrics", clause, alias => MetricComparison(alias, clause));
                return "";
            case EntityKind.Param:
                FilterJoin("params", clause, alias => StringComparison($"{alias}.value", clause));
                return "";
            case EntityKind.Tag:
                FilterJoin("tags", clause, alias => StringComparison($"{alias}.value", clause));
                return "";
            case EntityKind.Attribute:
                return AttributeCondition(clause);
            case EntityKind.Dataset:
                return DatasetCondition(clause);
            default:
                throw Invalid($"Invalid search expression type '{clause.Kind}'");
        }
    }

    private void FilterJoin(string table, FilterClause clause, Func<string, string> comparison)
    {
        var alias = $"f{_filterJoins++}";
        _joins.Append($"\nJOIN {table} {alias} ON {alias}.run_uuid = r.run_uuid AND {alias}.key = {Bind(clause.Key)} AND {comparison(alias)}");
        _filterAliases.TryAdd((clause.Kind, clause.Key), alias);
    }

    private string AttributeCondition(FilterClause clause)
    {
        if (!Attributes.TryGetValue(clause.Key, out var attribute))
        {
            throw Invalid($"Invalid attribute key '{clause.Key}' specified. Valid keys are '{string.Join("', '", Attributes.Keys)}'");
        }

        return attribute.Numeric ? NumericComparison(attribute.Column, clause, integral: true) : StringComparison(attribute.Column, clause);
    }

    private string DatasetCondition(FilterClause clause)
    {
        const string from = "FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id";
        const string link = "i.destination_id = r.run_uuid AND i.destination_type = 'RUN' AND i.source_type = 'DATASET'";
        return clause.Key switch
        {
            "name" => $"EXISTS (SELECT 1 {from} WHERE {link} AND {StringComparison("d.name", clause)})",
            "digest" => $"EXISTS (SELECT 1 {from} WHERE {link} AND {StringComparison("d.digest", clause)})",
            "context" => $"EXISTS (SELECT 1 {from} JOIN input_tags it ON it.input_uuid = i.input_uuid AND it.name = '{SystemTags.DatasetContext}' " +
                         $"WHERE {link} AND {StringComparison("it.value", clause)})",
            _ => throw Invalid($"Invalid dataset key '{clause.Key}' specified. Valid keys are 'name', 'digest', 'context'"),
        };
    }

    private string MetricComparison(string alias, FilterClause clause)
    {
        var value = Number(clause);
        return clause.Comparator switch
        {
            // A NaN differs from every number and is neither less nor greater than any (IEEE 754).
            Comparator.NotEqual => $"({alias}.is_nan = TRUE OR {alias}.value <> {Bind(value)})",
            _ => $"{alias}.is_nan = FALSE AND {NumericComparison($"{alias}.value", clause, integral: false)}",
        };
    }

    private string NumericComparison(string column, FilterClause clause, bool integral)
    {
        var number = Number(clause);
        object bound = integral ? (object)(long)Math.Round(number) : number;
        if (integral && number != Math.Floor(number))
        {
            throw Invalid($"Expected an integer value for '{clause.Key}' but got '{clause.Value}'");
        }

        return clause.Comparator switch
        {
            Comparator.Equal => $"{column} = {Bind(bound)}",
            Comparator.NotEqual => $"{column} <> {Bind(bound)}",
            Comparator.Less => $"{column} < {Bind(bound)}",
            Comparator.LessOrEqual => $"{column} <= {Bind(bound)}",
            Comparator.Greater => $"{column} > {Bind(bound)}",
            Comparator.GreaterOrEqual => $"{column} >= {Bind(bound)}",
            _ => throw Invalid($"Invalid comparator '{clause.Comparator}' for numeric key '{clause.Key}'"),
        };
    }

    private string StringComparison(string column, FilterClause clause)
    {
        if (clause.Comparator is Comparator.In or Comparator.NotIn)
        {
            var values = Strings(clause);
            if (values.Count == 0)
            {
                return clause.Comparator == Comparator.In ? "1 = 0" : "1 = 1";
            }

            var list = string.Join(", ", values.Select(v => Bind(v)));
            return clause.Comparator == Comparator.In ? $"{column} IN ({list})" : $"{column} NOT IN ({list})";
        }

        var value = clause.Value as string ?? throw Invalid($"Expected a string value for '{clause.Key}' but got '{clause.Value}'");
        return clause.Comparator switch
        {
            Comparator.Equal => $"{column} = {Bind(value)}",
            Comparator.NotEqual => $"{column} <> {Bind(value)}",
            Comparator.Like => dialect.CaseSensitiveLike(column, Bind(dialect.LikePatternValue(value))),
            Comparator.ILike => dialect.CaseInsensitiveLike(column, Bind(value)),
            _ => throw Invalid($"Invalid comparator '{clause.Comparator}' for string key '{clause.Key}'"),
        };
    }

    private IEnumerable<string> OrderExpressions(OrderByClause clause, int index)
    {
        var direction = clause.Ascending ? "ASC" : "DESC";
        var joined = _filterAliases.TryGetValue((clause.Kind, clause.Key), out var filterAlias);
        var alias = joined ? filterAlias! : $"o{index}";
        switch (clause.Kind)
        {
            case EntityKind.Metric:
                if (!joined)
                {
                    _joins.Append($"\nLEFT JOIN latest_metrics {alias} ON {alias}.run_uuid = r.run_uuid AND {alias}.key = {Bind(clause.Key)}");
                }

                // As MLflow: numbers first, then NaN, then runs without the metric, whatever the direction.
                yield return $"CASE WHEN {alias}.is_nan = TRUE THEN 1 WHEN {alias}.value IS NULL THEN 2 ELSE 0 END";
                yield return $"{alias}.value {direction}";
                break;
            case EntityKind.Param or EntityKind.Tag:
                var table = clause.Kind == EntityKind.Param ? "params" : "tags";
                if (!joined)
                {
                    _joins.Append($"\nLEFT JOIN {table} {alias} ON {alias}.run_uuid = r.run_uuid AND {alias}.key = {Bind(clause.Key)}");
                }

                yield return $"CASE WHEN {alias}.value IS NULL THEN 1 ELSE 0 END";
                yield return $"{alias}.value{dialect.BinaryCollation} {direction}";
                break;
            case EntityKind.Attribute when Attributes.TryGetValue(clause.Key, out var attribute):
                yield return $"CASE WHEN {attribute.Column} IS NULL THEN 1 ELSE 0 END";
                yield return $"{attribute.Column}{(attribute.Numeric ? "" : dialect.BinaryCollation)} {direction}";
                break;
            default:
                throw Invalid($"Invalid order_by entity '{clause.Kind}' with key '{clause.Key}'");
        }
    }

    private static double Number(FilterClause clause) => clause.Value switch
    {
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        decimal m => (double)m,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw Invalid($"Expected a numeric value for '{clause.Key}' but got '{clause.Value}'"),
    };

    private static IReadOnlyList<string> Strings(FilterClause clause) => clause.Value switch
    {
        IEnumerable<string> strings => strings.ToList(),
        IEnumerable items and not string => items.Cast<object>().Select(o => Convert.ToString(o, CultureInfo.InvariantCulture) ?? "").ToList(),
        _ => throw Invalid($"Expected a list of values for '{clause.Key}' {clause.Comparator} but got '{clause.Value}'"),
    };

    private static TrackingException Invalid(string message) => new(ErrorCode.InvalidParameterValue, message);
}
