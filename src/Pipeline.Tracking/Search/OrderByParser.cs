namespace Pipeline.Tracking.Search;

/// <summary>Parses one order-by key: <c>key [ASC|DESC]</c>, direction case-insensitive, ascending by default.</summary>
internal static class OrderByParser
{
    public static OrderByClause Parse(string? orderBy, SearchDialect dialect)
    {
        var text = orderBy ?? "";
        var errors = new SearchErrors(text, "order_by clause");
        var tokens = SearchTokenizer.Tokenize(text, errors);

        var keyToken = tokens[0];
        if (keyToken.Kind == SearchTokenKind.End)
            throw errors.At("Empty order_by clause", keyToken, "give a key such as metrics.roc_auc DESC");
        if (keyToken.Kind != SearchTokenKind.Identifier)
            throw errors.At($"Expected an order_by key such as metrics.roc_auc but found {keyToken.Display}", keyToken);

        var (kind, key) = SearchKeyResolver.Resolve(keyToken, dialect, dialect.OrderByAttributes, errors);
        if (!dialect.OrderByKinds.Contains(kind))
            throw errors.At($"Cannot order {dialect.Target}s by {kind.ToString().ToLowerInvariant()} '{key}'", keyToken,
                $"order_by takes {string.Join(", ", dialect.OrderByKinds.Select(k => k.ToString().ToLowerInvariant()))} keys");

        var ascending = true;
        var next = 1;
        if (tokens[next].Kind == SearchTokenKind.Identifier)
        {
            var direction = tokens[next++];
            if (direction.IsKeyword("DESC")) ascending = false;
            else if (!direction.IsKeyword("ASC"))
                throw errors.At($"Invalid order direction {direction.Display}", direction, "expected ASC or DESC");
        }
        if (tokens[next].Kind != SearchTokenKind.End)
            throw errors.At($"Unexpected {tokens[next].Display} after the order_by key", tokens[next],
                "one key and an optional ASC or DESC; quote keys with spaces in backticks");
        return new OrderByClause(kind, key, ascending);
    }
}
