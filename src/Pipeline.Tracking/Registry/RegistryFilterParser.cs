using Pipeline.Tracking.Search;

namespace Pipeline.Tracking.Registry;

/// <summary>
/// Parses the small filter grammar of MLflow's registry and experiment searches: comparisons joined by AND, each
/// <c>identifier comparator value</c>. Identifiers are <c>name</c>, <c>run_id</c>, ... (optionally <c>attribute.</c>-prefixed)
/// or <c>tags.&lt;key&gt;</c> / <c>tag.&lt;key&gt;</c>, with a key in backticks or double quotes when it has other characters.
/// Comparators: <c>= != &lt;&gt; &lt; &lt;= &gt; &gt;= LIKE ILIKE IN</c> (case-insensitive). Values: a single- or double-quoted string,
/// a number, or a parenthesised list of quoted strings after IN. Errors are <see cref="SearchSyntaxException"/> (INVALID_PARAMETER_VALUE)
/// naming the bad token and its position. Which keys and comparators a search accepts is checked by the store.
/// </summary>
public static class RegistryFilterParser
{
    /// <summary>Attributes compared with numbers (MLflow's NUMERIC_ATTRIBUTES of model version search).</summary>
    internal static readonly string[] NumericAttributes = ["version_number", "creation_timestamp", "last_updated_timestamp"];

    /// <summary>The clauses of a registry search's <paramref name="filter"/>; none for null or blank.</summary>
    public static IReadOnlyList<FilterClause> Parse(string? filter) => Parse(filter, NumericAttributes);

    /// <summary>The clauses of <paramref name="filter"/>, where only <paramref name="numericAttributes"/> take numbers; none for null or blank.</summary>
    public static IReadOnlyList<FilterClause> Parse(string? filter, IReadOnlyCollection<string> numericAttributes)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return [];
        }

        var reader = new FilterReader(filter);
        var clauses = new List<FilterClause> { ParseClause(reader, numericAttributes) };
        while (!reader.AtEnd)
        {
            var at = reader.Position;
            if (!reader.TryKeyword("AND"))
            {
                throw new SearchSyntaxException($"Invalid clause(s) in filter string: '{reader.Rest}' at position {at}. Clauses must be joined by AND.", at);
            }

            clauses.Add(ParseClause(reader, numericAttributes));
        }

        return clauses;
    }

    private static FilterClause ParseClause(FilterReader reader, IReadOnlyCollection<string> numericAttributes)
    {
        var (kind, key) = ParseIdentifier(reader);
        var comparator = ParseComparator(reader);
        reader.SkipSpace();
        var valueAt = reader.Position;
        var value = reader.ReadValue();
        var raw = reader.Text[valueAt..reader.Position].Trim();
        switch (value)
        {
            case IReadOnlyList<string> when comparator is not (Comparator.In or Comparator.NotIn):
                throw new SearchSyntaxException($"A list of values at position {valueAt} needs the IN comparator, got {comparator.ToString().ToUpperInvariant()}.", valueAt);
            case not IReadOnlyList<string> when comparator is Comparator.In or Comparator.NotIn:
                throw new SearchSyntaxException($"IN needs a parenthesised list of quoted strings at position {valueAt}, got {raw}.", valueAt);
            case IReadOnlyList<string> when kind == EntityKind.Attribute && key != "run_id":
                throw new SearchSyntaxException("Only the 'run_id' attribute supports comparison with a list of quoted string values.", valueAt);
            case double when kind == EntityKind.Tag:
                throw new SearchSyntaxException($"Expected a quoted string value for tag (e.g. 'my-value'). Got value {raw}", valueAt);
            case double when !numericAttributes.Contains(key):
                throw new SearchSyntaxException(
                    $"Only the '{{'{string.Join("', '", numericAttributes)}'}}' attributes support comparison with numeric values.", valueAt);
        }

        return new FilterClause(kind, key, comparator, value);
    }

    private static (EntityKind Kind, string Key) ParseIdentifier(FilterReader reader)
    {
        var at = reader.Position;
        if (reader.Peek() is '`' or '"')
        {
            return (EntityKind.Attribute, reader.ReadQuoted());
        }

        var word = reader.ReadWord();
        if (word.Length == 0)
        {
            throw new SearchSyntaxException($"Expected an identifier such as name or tags.<key> at position {at}, got '{reader.Rest}'.", at);
        }

        var dot = word.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return (EntityKind.Attribute, word);
        }

        var prefix = word[..dot];
        var kind = prefix switch
        {
            "attribute" => EntityKind.Attribute,
            "tag" or "tags" => EntityKind.Tag,
            _ => throw new SearchSyntaxException(
                $"Invalid entity type '{prefix}' at position {at}. Valid entity types are ('attribute', 'tag', 'tags')", at),
        };
        var key = word[(dot + 1)..];
        if (key.Length == 0 && reader.Peek() is '`' or '"')
        {
            key = reader.ReadQuoted();
        }

        return key.Length > 0
            ? (kind, key)
            : throw new SearchSyntaxException($"Missing key after '{prefix}.' at position {at}.", at);
    }

    private static Comparator ParseComparator(FilterReader reader)
    {
        reader.SkipSpace();
        var at = reader.Position;
        foreach (var (symbol, comparator) in new[]
                 {
                     ("!=", Comparator.NotEqual), ("<>", Comparator.NotEqual), ("<=", Comparator.LessOrEqual),
                     (">=", Comparator.GreaterOrEqual), ("=", Comparator.Equal), ("<", Comparator.Less), (">", Comparator.Greater),
                 })
        {
            if (reader.TrySymbol(symbol))
            {
                return comparator;
            }
        }

        if (reader.TryKeyword("LIKE"))
        {
            return Comparator.Like;
        }

        if (reader.TryKeyword("ILIKE"))
        {
            return Comparator.ILike;
        }

        if (reader.TryKeyword("IN"))
        {
            return Comparator.In;
        }

        if (reader.TryKeyword("NOT") && reader.TryKeyword("IN"))
        {
            return Comparator.NotIn;
        }

        throw new SearchSyntaxException(
            $"Invalid comparator at position {at} in '{reader.Text}'. Expected one of =, !=, <, <=, >, >=, LIKE, ILIKE, IN.", at);
    }
}
