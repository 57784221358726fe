using System.Collections;
using System.Globalization;
using System.Text;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Search;

namespace Pipeline.Tracking.Stores.Sql;

/// <summary>
/// Translates a parsed <see cref="RunSearch"/> into one SELECT of run ids. Every value is a bound parameter;
/// only column names chosen from fixed tables and generated parameter names enter the SQL text.
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
        where.AddRange((search.Filter ?? []).Select(Condition));

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

    private string Condition(FilterClause clause) => clause.Kind switch
    {
        EntityKind.Metric => $"EXISTS (SELECT 1 FROM latest_metrics m WHERE m.run_uuid = r.run_uuid AND m.key = {Bind(clause.Key)} AND {MetricComparison(clause)})",
        EntityKind.Param => $"EXISTS (SELECT 1 FROM params p WHERE p.run_uuid = r.run_uuid AND p.key = {Bind(clause.Key)} AND {StringComparison("p.value", clause)})",
        EntityKind.Tag => $"EXISTS (SELECT 1 FROM tags t WHERE t.run_uuid = r.run_uuid AND t.key = {Bind(clause.Key)} AND {StringComparison("t.value", clause)})",
        EntityKind.Attribute => AttributeCondition(clause),
        EntityKind.Dataset => DatasetCondition(clause),
        _ => throw Invalid($"Invalid search expression type '{clause.Kind}'"),
    };

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

    private string MetricComparison(FilterClause clause)
    {
        var value = Number(clause);
        return clause.Comparator switch
        {
            // A NaN differs from every number and is neither less nor greater than any (IEEE 754).
            Comparator.NotEqual => $"(m.is_nan = TRUE OR m.value <> {Bind(value)})",
            _ => $"m.is_nan = FALSE AND {NumericComparison("m.value", clause, integral: false)}",
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
        var alias = $"o{index}";
        switch (clause.Kind)
        {
            case EntityKind.Metric:
                _joins.Append($"\nLEFT JOIN latest_metrics {alias} ON {alias}.run_uuid = r.run_uuid AND {alias}.key = {Bind(clause.Key)}");
                // As MLflow: numbers first, then NaN, then runs without the metric, whatever the direction.
                yield return $"CASE WHEN {alias}.is_nan = TRUE THEN 1 WHEN {alias}.value IS NULL THEN 2 ELSE 0 END";
                yield return $"{alias}.value {direction}";
                break;
            case EntityKind.Param or EntityKind.Tag:
                var table = clause.Kind == EntityKind.Param ? "params" : "tags";
                _joins.Append($"\nLEFT JOIN {table} {alias} ON {alias}.run_uuid = r.run_uuid AND {alias}.key = {Bind(clause.Key)}");
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
