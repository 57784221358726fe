namespace Pipeline.Tracking.Search;

/// <summary>
/// Builds <see cref="SearchSyntaxException"/>s that name the bad token, its position and the whole input, e.g.
/// <c>Invalid comparator '=~' at position 17 in filter: metrics.x =~ 1 (metric comparators are ...)</c>.
/// </summary>
internal sealed class SearchErrors(string text, string inputName)
{
    public SearchSyntaxException At(string what, int position, string? hint = null) =>
        new($"{what} at position {position} in {inputName}: {text}" + (hint is null ? "" : $" ({hint})"), position);

    public SearchSyntaxException At(string what, SearchToken token, string? hint = null) =>
        At(what, token.Position, hint);
}
