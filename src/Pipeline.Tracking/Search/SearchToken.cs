namespace Pipeline.Tracking.Search;

/// <summary>The lexical classes of MLflow's search grammar.</summary>
internal enum SearchTokenKind
{
    /// <summary>A key such as <c>metrics.roc_auc</c>, <c>metrics.`my metric`</c> or a bare word (<c>and</c>, <c>lbfgs</c>).</summary>
    Identifier,
    /// <summary>A single-quoted string literal; <see cref="SearchToken.Value"/> holds it unquoted.</summary>
    String,
    Number,
    /// <summary>A run of comparison characters (<c>=</c>, <c>!=</c>, <c>&lt;=</c>, also invalid ones such as <c>=~</c>).</summary>
    Operator,
    OpenParen,
    CloseParen,
    Comma,
    End,
}

/// <summary>
/// One token: <paramref name="Text"/> is the source text exactly as written, <paramref name="Value"/> the decoded
/// literal (unquoted string) and <paramref name="Position"/> its zero-based offset in the source.
/// </summary>
internal readonly record struct SearchToken(SearchTokenKind Kind, string Text, string Value, int Position)
{
    /// <summary>True for a bare word (no dots, no quotes) equal to <paramref name="keyword"/>, ignoring case as SQL does.</summary>
    public bool IsKeyword(string keyword) =>
        Kind == SearchTokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>How the token is named in error messages.</summary>
    public string Display => Kind == SearchTokenKind.End ? "end of input" : $"'{Text}'";
}
