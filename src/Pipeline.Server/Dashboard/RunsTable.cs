using Pipeline.Tracking.Entities;

namespace Pipeline.Server.Dashboard;

/// <summary>
/// The runs table: a row per run with its children (tag <c>mlflow.parentRunId</c>) indented right under it when both are
/// on the page, the store's order kept among siblings; a column per param and metric key seen on the page.
/// </summary>
internal static class RunsTable
{
    private const int MaxKeyColumns = 40;
    private const string RoleTag = "pipeline.role";

    /// <summary>Writes the table; <paramref name="sort"/> gives a column's sort link and its ▲/▼ marker.</summary>
    public static void Write(HtmlBuilder html, IReadOnlyList<Run> runs, Func<string, (string Href, string Marker)> sort)
    {
        var paramKeys = runs.SelectMany(r => r.Data.Params.Select(p => p.Key)).Distinct().Order(StringComparer.Ordinal).Take(MaxKeyColumns).ToList();
        var metricKeys = runs.SelectMany(r => r.Data.Metrics.Select(m => m.Key)).Distinct().Order(StringComparer.Ordinal).Take(MaxKeyColumns).ToList();

        // The table scrolls inside its own box so that a sweep with dozens of params and metrics does not widen the page.
        html.Raw("<div class=\"scroll\"><table id=\"runs\"><thead><tr><th></th>");
        Header(html, "Run", "attributes.run_name", sort);
        Header(html, "Status", "attributes.status", sort);
        Header(html, "Started", "attributes.start_time", sort);
        html.Raw("<th>Role</th>");
        foreach (var key in paramKeys)
            Header(html, key, $"params.{Quote(key)}", sort, $"data-key=\"params.{HtmlBuilder.Attr(key)}\"");
        foreach (var key in metricKeys)
            Header(html, key, $"metrics.{Quote(key)}", sort, $"data-key=\"metrics.{HtmlBuilder.Attr(key)}\" class=\"metric\"");
        html.Raw("</tr></thead><tbody>");

        var onPage = runs.Select(r => r.Info.RunId).ToHashSet(StringComparer.Ordinal);
        var children = runs.Where(r => ParentOf(r) is { } p && onPage.Contains(p)).ToLookup(r => ParentOf(r)!, StringComparer.Ordinal);
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in runs.Where(r => ParentOf(r) is not { } p || !onPage.Contains(p)))
            WriteTree(html, run, 0, children, written, paramKeys, metricKeys);
        // Runs caught in a parent cycle have no root on the page; they still get a row.
        foreach (var run in runs.Where(r => !written.Contains(r.Info.RunId)))
            WriteTree(html, run, 0, children, written, paramKeys, metricKeys);
        html.Raw("</tbody></table></div>");
    }

    private static void WriteTree(HtmlBuilder html, Run run, int depth, ILookup<string, Run> children, HashSet<string> written,
        List<string> paramKeys, List<string> metricKeys)
    {
        if (!written.Add(run.Info.RunId))
            return;
        var id = HtmlBuilder.Attr(run.Info.RunId);
        html.Raw($"<tr data-run=\"{id}\" data-depth=\"{depth}\"{(depth > 0 ? " class=\"child\"" : "")}>")
            .Raw($"<td><input type=\"checkbox\" name=\"runs\" value=\"{id}\" aria-label=\"select\"></td>")
            .Raw($"<td class=\"name\" style=\"padding-left:{LineChartSvg.F(0.6 + (1.6 * Math.Min(depth, 8)))}em\">").Raw(depth > 0 ? "↳ " : "")
            .Link($"/runs/{run.Info.RunId}", run.Info.RunName);
        // A child whose parent is on another page (or sorted away) still says whose it is.
        if (depth == 0 && ParentOf(run) is { } parent)
            html.Raw(" <span class=\"muted orphan\">child of ").Link($"/runs/{HtmlBuilder.Query(parent)}", parent.Length > 8 ? parent[..8] : parent).Raw("</span>");
        html.Raw("</td><td>").Text(run.Info.Status.ToMlflowName())
            .Raw("</td><td class=\"time\">").Text(HtmlBuilder.Time(run.Info.StartTime)).Raw("</td><td>").Text(run.Data.Tag(RoleTag)).Raw("</td>");
        foreach (var key in paramKeys)
            html.Raw("<td>").Text(run.Data.Param(key)).Raw("</td>");
        foreach (var key in metricKeys)
            html.Raw("<td class=\"num\">").Text(run.Data.Metric(key) is { } v ? HtmlBuilder.Number(v) : "").Raw("</td>");
        html.Raw("</tr>");
        foreach (var child in children[run.Info.RunId])
            WriteTree(html, child, depth + 1, children, written, paramKeys, metricKeys);
    }

    private static void Header(HtmlBuilder html, string label, string column, Func<string, (string Href, string Marker)> sort, string attributes = "")
    {
        var (href, marker) = sort(column);
        html.Raw(attributes.Length > 0 ? $"<th {attributes}>" : "<th>").Link(href, label + marker, "class=\"sort\"").Raw("</th>");
    }

    private static string? ParentOf(Run run) => run.Data.Tag(SystemTags.ParentRunId);

    // Backticks let any key through the order-by grammar (spaces, dashes, dots).
    private static string Quote(string key) => $"`{key}`";
}
