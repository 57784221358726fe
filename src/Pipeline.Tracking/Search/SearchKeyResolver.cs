namespace Pipeline.Tracking.Search;

/// <summary>
/// Turns an identifier token into an entity kind and key, as MLflow's <c>_get_identifier</c>: the text before the
/// first dot (outside quotes) is the entity prefix, the rest the key; without a dot the whole is an attribute key.
/// Either part may be wrapped in backticks or double quotes.
/// </summary>
internal static class SearchKeyResolver
{
    public static (EntityKind Kind, string Key) Resolve(
        SearchToken token, SearchDialect dialect, IReadOnlySet<string> validAttributes, SearchErrors errors)
    {
        var text = token.Text;
        var dot = FirstDotOutsideQuotes(text);
        var kind = EntityKind.Attribute;
        var keyText = text;
        var keyOffset = 0;
        if (dot >= 0)
        {
            var prefix = Unquote(text[..dot], token.Position, errors);
            if (!dialect.Prefixes.TryGetValue(prefix, out kind))
                throw errors.At($"Invalid entity type '{prefix}'", token,
                    $"valid types for {dialect.Target} search are {string.Join(", ", dialect.Prefixes.Keys)}");
            keyText = text[(dot + 1)..];
            keyOffset = dot + 1;
        }
        if (keyText.Length == 0)
            throw errors.At($"Missing key after '{text}'", token);
        var key = Unquote(keyText, token.Position + keyOffset, errors);
        if (key.Length == 0)
            throw errors.At($"Empty key in '{text}'", token);

        if (kind == EntityKind.Attribute && !validAttributes.Contains(key))
            throw errors.At($"Invalid attribute key '{key}'", token,
                $"valid {dialect.Target} attribute keys are {string.Join(", ", validAttributes.Order(StringComparer.Ordinal))}");
        if (kind == EntityKind.Dataset && !SearchDialect.DatasetKeys.Contains(key))
            throw errors.At($"Invalid dataset key '{key}'", token, "valid dataset keys are name, digest, context");
        return (kind, kind == EntityKind.Attribute ? dialect.Canonical(key) : key);
    }

    private static int FirstDotOutsideQuotes(string text)
    {
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == quote) quote = null;
            }
            else if (c is '`' or '"')
            {
                quote = c;
            }
            else if (c == '.')
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>A part is either plain (no quotes) or exactly one quoted segment; anything else is ambiguous.</summary>
    private static string Unquote(string part, int position, SearchErrors errors)
    {
        if (part.Length >= 2 && part[0] is '`' or '"' && part[^1] == part[0] && part.IndexOf(part[0], 1) == part.Length - 1)
            return part[1..^1];
        var quote = part.IndexOfAny(['`', '"']);
        if (quote >= 0)
            throw errors.At($"Invalid quoting in identifier part '{part}'", position + quote,
                "quote a whole key, e.g. metrics.`my metric`");
        return part;
    }
}
