namespace Pipeline.Server.Dashboard;

/// <summary>The "first page / next page" links under a paged table; the store's page tokens carry the position.</summary>
internal static class Pager
{
    /// <summary>Writes the links; <paramref name="keep"/> are the query parameters every page link repeats (filter, order).</summary>
    public static void Write(HtmlBuilder html, string path, string? currentToken, string? nextToken, IReadOnlyList<(string Name, string? Value)> keep)
    {
        if (currentToken is null && nextToken is null)
            return;
        html.Raw("<p class=\"pager\">");
        if (currentToken is not null)
            html.Link(Url(path, keep, null), "« First page");
        if (nextToken is not null)
            html.Link(Url(path, keep, nextToken), "Next page »", "id=\"next-page\"");
        html.Raw("</p>");
    }

    /// <summary><paramref name="path"/> with the non-empty parameters and an optional page token, percent-encoded.</summary>
    public static string Url(string path, IReadOnlyList<(string Name, string? Value)> parameters, string? pageToken)
    {
        var pairs = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={HtmlBuilder.Query(p.Value!)}").ToList();
        if (pageToken is not null)
            pairs.Add($"page_token={HtmlBuilder.Query(pageToken)}");
        return pairs.Count == 0 ? path : $"{path}?{string.Join('&', pairs)}";
    }
}
