using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Search;

namespace Pipeline.Tracking.Stores.Sql;

/// <summary>
/// Turns parsed experiment and registry filters (<see cref="RegistryFilterParser"/>'s grammar) and registry order-by keys
/// into SQL conditions over <c>experiments</c>, <c>registered_models rm</c> or <c>model_versions mv</c>, checking MLflow's
/// rules for which keys and comparators each search accepts. Values are always bound parameters.
/// </summary>
internal sealed class SearchFilterSql(SqlDialect dialect)
{
    private static readonly string[] StringComparators = ["=", "!=", "LIKE", "ILIKE"];

    private static readonly string[] NumericComparators = ["=", "!=", "<", "<=", ">", ">="];

    /// <summary>The attributes an experiment search compares with numbers (MLflow's SearchExperimentsUtils.NUMERIC_ATTRIBUTES).</summary>
    public static readonly string[] ExperimentNumericAttributes = ["creation_time", "last_update_time"];

    public List<string> Conditions { get; } = [];

    public List<(string, object?)> Binds { get; } = [];

    /// <summary>Conditions for a registered-model search: <c>name</c> and tags.</summary>
    public void AddModelFilters(IReadOnlyList<FilterClause> clauses)
    {
        foreach (var clause in clauses)
        {
            var op = ComparatorRules.Name(clause.Comparator);
            if (clause.Kind == EntityKind.Tag)
            {
                AddTag(clause, op, "registered_model_tags t WHERE t.name = rm.name");
                continue;
            }

            if (clause.Key != "name")
            {
                throw RegistryValidation.Invalid($"Invalid attribute key '{clause.Key}' specified. Valid keys are '{{'name'}}'");
            }

            Require(StringComparators.Contains(op), $"Invalid comparator for attribute: {op}");
            Conditions.Add(Compare("rm.name", op, clause.Value));
        }
    }

    /// <summary>
    /// Conditions for an experiment search over the unaliased <c>experiments</c> table, as MLflow's SQL store: <c>name</c>
    /// (= != LIKE ILIKE), <c>creation_time</c> and <c>last_update_time</c> (numeric comparators, milliseconds), and tags
    /// (an experiment without the tag matches no tag comparison).
    /// </summary>
    public void AddExperimentFilters(IReadOnlyList<FilterClause> clauses)
    {
        foreach (var clause in clauses)
        {
            var op = ComparatorRules.Name(clause.Comparator);
            if (clause.Kind == EntityKind.Tag)
            {
                AddTag(clause, op, "experiment_tags t WHERE t.experiment_id = experiments.experiment_id");
                continue;
            }

            if (clause.Key == "name")
            {
                Require(clause.Value is string, $"Expected a quoted string value for attributes. Got value {clause.Value}");
                Require(StringComparators.Contains(op), $"Invalid comparator '{op}' not one of '{{'{string.Join("', '", StringComparators)}'}}'");
                Conditions.Add(Compare("name", op, clause.Value));
                continue;
            }

            if (!ExperimentNumericAttributes.Contains(clause.Key))
            {
                throw RegistryValidation.Invalid(
                    $"Invalid attribute key '{clause.Key}' specified. Valid keys are '{{'name', 'creation_time', 'last_update_time'}}'");
            }

            Require(clause.Value is double, $"Expected numeric value type for numeric attribute: {clause.Key}. Found {Quoted(clause.Value)}");
            Require(NumericComparators.Contains(op), $"Invalid comparator '{op}' not one of '{{'{string.Join("', '", NumericComparators)}'}}'");
            Conditions.Add(Compare(clause.Key, op, clause.Value));
        }
    }

    /// <summary>Conditions for a model-version search: <c>name</c>, <c>run_id</c>, <c>source_path</c>, <c>version_number</c> and tags.</summary>
    public void AddVersionFilters(IReadOnlyList<FilterClause> clauses)
    {
        foreach (var clause in clauses)
        {
            var op = ComparatorRules.Name(clause.Comparator);
            if (clause.Kind == EntityKind.Tag)
            {
                AddTag(clause, op, "model_version_tags t WHERE t.name = mv.name AND t.version = mv.version");
                continue;
            }

            var column = clause.Key switch
            {
                "name" => "mv.name",
                "run_id" => "mv.run_id",
                "source_path" => "mv.source",
                "version_number" => "mv.version",
                _ => throw RegistryValidation.Invalid(
                    $"Invalid attribute key '{clause.Key}' specified. Valid keys are '{{'name', 'run_id', 'source_path', 'version_number'}}'"),
            };
            if (clause.Key == "version_number")
            {
                Require(op is "=" or "!=" or "<" or "<=" or ">" or ">=", $"Invalid comparator for attribute {clause.Key}: {op}");
                Require(clause.Value is double, $"Expected a numeric value for attribute {clause.Key}. Got value {clause.Value}");
                Conditions.Add(Compare(column, op, (long)(double)clause.Value));
                continue;
            }

            Require(StringComparators.Contains(op) || (op == "IN" && clause.Key == "run_id"), $"Invalid comparator for attribute: {op}");
            Conditions.Add(Compare(column, op, clause.Value));
        }
    }

    /// <summary>ORDER BY terms; <paramref name="columns"/> maps each accepted key to its column, <paramref name="tieBreaks"/> are appended unless already used.</summary>
    public static string OrderBy(SqlDialect dialect, IReadOnlyList<string> orderBy, IReadOnlyDictionary<string, string> columns,
        IReadOnlyList<(string Column, bool Ascending)> tieBreaks)
    {
        var terms = new List<string>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in orderBy)
        {
            var (key, ascending) = ParseOrderBy(text);
            if (!columns.TryGetValue(key, out var column))
            {
                throw RegistryValidation.Invalid(
                    $"Invalid order by key '{key}' specified. Valid keys are '{string.Join("', '", columns.Keys)}'");
            }

            if (!used.Add(column))
            {
                throw RegistryValidation.Invalid($"`order_by` contains duplicate fields: ['{string.Join("', '", orderBy)}']");
            }

            terms.Add(Term(dialect, column, ascending));
        }

        terms.AddRange(tieBreaks.Where(t => !used.Contains(t.Column)).Select(t => Term(dialect, t.Column, t.Ascending)));
        return string.Join(", ", terms);
    }

    private static string Term(SqlDialect dialect, string column, bool ascending) =>
        $"{column}{(column.EndsWith("name", StringComparison.Ordinal) ? dialect.BinaryCollation : "")} {(ascending ? "ASC" : "DESC")}";

    /// <summary>MLflow's order-by string: a key, optionally <c>attribute.</c>-prefixed or back-quoted, then ASC or DESC.</summary>
    private static (string Key, bool Ascending) ParseOrderBy(string text)
    {
        var parts = (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 0 or > 2 || (parts.Length == 2 && !parts[1].Equals("ASC", StringComparison.OrdinalIgnoreCase)
                                                           && !parts[1].Equals("DESC", StringComparison.OrdinalIgnoreCase)))
        {
            throw RegistryValidation.Invalid($"Invalid order_by clause '{text}'. Could not be parsed.");
        }

        var key = parts[0];
        foreach (var prefix in new[] { "attribute.", "attributes." })
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                key = key[prefix.Length..];
            }
        }

        return (key.Trim('`'), parts.Length == 1 || parts[1].Equals("ASC", StringComparison.OrdinalIgnoreCase));
    }

    private void AddTag(FilterClause clause, string op, string tableAndJoin)
    {
        Require(StringComparators.Contains(op), $"Invalid comparator for tag: {op}");
        var key = Bind(clause.Key);
        Conditions.Add($"EXISTS (SELECT 1 FROM {tableAndJoin} AND t.key = {key} AND {Compare("t.value", op, clause.Value)})");
    }

    private string Compare(string column, string op, object value) => op switch
    {
        "LIKE" => dialect.CaseSensitiveLike(column, Bind(dialect.LikePatternValue((string)value))),
        "ILIKE" => dialect.CaseInsensitiveLike(column, Bind((string)value)),
        "IN" => $"{column} IN ({string.Join(", ", ((IReadOnlyList<string>)value).Select(v => Bind(v)))})",
        "!=" => $"{column} <> {Bind(value)}",
        _ => $"{column} {op} {Bind(value)}",
    };

    private static string Quoted(object value) => value is IReadOnlyList<string> list ? $"('{string.Join("', '", list)}')" : $"'{value}'";

    private string Bind(object value)
    {
        var name = $"f{Binds.Count}";
        Binds.Add((name, value));
        return "@" + name;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw RegistryValidation.Invalid(message);
        }
    }
}
