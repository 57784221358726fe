using System.Globalization;

namespace Pipeline.Tracking.Search;

/// <summary>
/// Recursive-descent parser for <c>comparison (AND comparison)*</c>, where a comparison is
/// <c>key comparator value</c> and the value is a number, a quoted string or, after IN / NOT IN, a list of strings.
/// Each clause is validated against the dialect as MLflow does: comparators by entity kind, value types by key.
/// </summary>
internal sealed class FilterParser
{
    private readonly List<SearchToken> _tokens;
    private readonly SearchDialect _dialect;
    private readonly SearchErrors _errors;
    private int _index;

    private FilterParser(string filter, SearchDialect dialect)
    {
        _dialect = dialect;
        _errors = new SearchErrors(filter, "filter");
        _tokens = SearchTokenizer.Tokenize(filter, _errors);
    }

    public static IReadOnlyList<FilterClause> Parse(string? filter, SearchDialect dialect)
    {
        if (string.IsNullOrWhiteSpace(filter))
            return [];
        return new FilterParser(filter, dialect).ParseAll();
    }

    private SearchToken Current => _tokens[_index];

    private SearchToken Advance() => _tokens[_index++];

    private List<FilterClause> ParseAll()
    {
        var clauses = new List<FilterClause> { ParseComparison() };
        while (Current.Kind != SearchTokenKind.End)
        {
            if (Current.IsKeyword("OR"))
                throw _errors.At("Unsupported operator 'OR'", Current, "MLflow filters join comparisons with AND only");
            if (!Current.IsKeyword("AND"))
                throw _errors.At($"Expected AND or end of filter but found {Current.Display}", Current);
            Advance();
            clauses.Add(ParseComparison());
        }
        return clauses;
    }

    private FilterClause ParseComparison()
    {
        var keyToken = Advance();
        if (keyToken.Kind == SearchTokenKind.OpenParen)
            throw _errors.At("Unexpected '('", keyToken, "parentheses are only allowed around IN lists");
        if (keyToken.Kind != SearchTokenKind.Identifier || keyToken.IsKeyword("AND") || keyToken.IsKeyword("OR"))
            throw _errors.At($"Expected a key such as metrics.roc_auc but found {keyToken.Display}", keyToken);

        var (kind, key) = SearchKeyResolver.Resolve(keyToken, _dialect, _dialect.SearchAttributes, _errors);
        var numeric = kind == EntityKind.Metric || (kind == EntityKind.Attribute && _dialect.NumericAttributes.Contains(key));

        var comparatorToken = Current;
        var comparator = ParseComparator();
        var allowed = ComparatorRules.Allowed(kind, numeric);
        if (!allowed.Contains(comparator))
            throw _errors.At($"Invalid comparator '{ComparatorRules.Name(comparator)}'", comparatorToken,
                $"{ComparatorRules.Describe(kind, numeric)} comparators are {string.Join(", ", allowed.Select(ComparatorRules.Name))}");

        object value = comparator is Comparator.In or Comparator.NotIn
            ? ParseList(kind, key)
            : numeric ? ParseNumber(kind, key) : ParseString(kind, key);
        return new FilterClause(kind, key, comparator, value);
    }

    private Comparator ParseComparator()
    {
        var token = Advance();
        if (token.Kind == SearchTokenKind.Operator)
            return ComparatorRules.FromSymbol(token.Text)
                ?? throw _errors.At($"Invalid comparator '{token.Text}'", token, "use =, !=, <, <=, >, >=, LIKE, ILIKE, IN or NOT IN");
        if (token.IsKeyword("LIKE")) return Comparator.Like;
        if (token.IsKeyword("ILIKE")) return Comparator.ILike;
        if (token.IsKeyword("IN")) return Comparator.In;
        if (token.IsKeyword("NOT"))
        {
            if (Current.IsKeyword("IN"))
            {
                Advance();
                return Comparator.NotIn;
            }
            throw _errors.At($"Expected IN after NOT but found {Current.Display}", Current);
        }
        if (token.IsKeyword("IS"))
            throw _errors.At($"Expected a comparator but found {token.Display}", token,
                "MLflow's run filters have no IS NULL / IS NOT NULL; a tag or param comparison already leaves out runs without the key");
        throw _errors.At($"Expected a comparator but found {token.Display}", token);
    }

    private double ParseNumber(EntityKind kind, string key)
    {
        var token = Advance();
        if (token.Kind != SearchTokenKind.Number)
            throw _errors.At($"Expected a numeric value for {ComparatorRules.Describe(kind, true)} '{key}' but found {token.Display}", token);
        return double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private string ParseString(EntityKind kind, string key)
    {
        var token = Advance();
        if (token.Kind == SearchTokenKind.String)
            return token.Value;
        if (IsDoubleQuoted(token))
            return token.Text[1..^1];
        var hint = token.Kind == SearchTokenKind.OpenParen ? "a list needs IN or NOT IN" : "quote it, e.g. 'my-value'";
        throw _errors.At($"Expected a quoted string value for {ComparatorRules.Describe(kind, false)} '{key}' but found {token.Display}", token, hint);
    }

    private List<string> ParseList(EntityKind kind, string key)
    {
        if (kind == EntityKind.Attribute && !_dialect.ListAttributes.Contains(key))
            throw _errors.At($"Attribute '{key}' cannot be compared with a list", _tokens[_index - 1],
                _dialect.ListAttributes.Count == 0 ? "no attribute takes IN here" : "only the 'run_id' attribute takes IN / NOT IN");
        var open = Advance();
        if (open.Kind != SearchTokenKind.OpenParen)
            throw _errors.At($"Expected '(' to start a list but found {open.Display}", open);
        if (Current.Kind == SearchTokenKind.CloseParen)
            throw _errors.At("Empty list", Current, "give at least one quoted string");

        var values = new List<string>();
        while (true)
        {
            var item = Advance();
            if (item.Kind == SearchTokenKind.String) values.Add(item.Value);
            else if (IsDoubleQuoted(item)) values.Add(item.Text[1..^1]);
            else throw _errors.At($"Expected a quoted string in list but found {item.Display}", item);

            var separator = Advance();
            if (separator.Kind == SearchTokenKind.CloseParen) break;
            if (separator.Kind != SearchTokenKind.Comma)
                throw _errors.At($"Expected ',' or ')' in list but found {separator.Display}", separator);
        }
        // MLflow drops run ids with capitals (run ids are lowercase hex) so that case-insensitive IN on MySQL stays exact.
        return kind == EntityKind.Attribute && key == "run_id" ? values.Where(v => !v.Any(char.IsUpper)).ToList() : values;
    }

    private static bool IsDoubleQuoted(SearchToken token) =>
        token.Kind == SearchTokenKind.Identifier && token.Text.Length >= 2 && token.Text[0] == '"'
        && token.Text.IndexOf('"', 1) == token.Text.Length - 1;
}
