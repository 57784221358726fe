using Pipeline.Tracking.Entities;

namespace Pipeline.Server.Dashboard;

/// <summary>
/// The runs table: a row per run with its children (tag <c>mlflow.parentRunId</c>) indented right under it when both are
/// on the page, the store's order kept among siblings. The run name stays in view (a sticky column); then start time and
/// status, and the key columns of <see cref="RunColumns"/> under Metrics / Parameters / Tags group headers. A sweep's
/// selected trial (its parent's <c>pipeline.best_run_id</c>) is marked; a run with children can be collapsed (with the
/// dashboard's script; without it every row is shown).
/// </summary>
internal static class RunsTable
{
    private const string BestRunTag = "pipeline.best_run_id";
    private const string SelectedByTag = "pipeline.selected_by";

    /// <summary>Writes the table; <paramref name="sort"/> gives a column's sort link and its ▲/▼ marker.</summary>
    public static void Write(HtmlBuilder html, IReadOnlyList<Run> runs, RunColumns columns, Func<string, (string Href, string Marker)> sort)
    {
        var winners = runs.Where(r => r.Data.Tag(BestRunTag) is { Length: > 0 })
            .ToDictionary(r => r.Data.Tag(BestRunTag)!, r => r.Data.Tag(SelectedByTag), StringComparer.Ordinal);

        // The table scrolls inside its own box so that a sweep with dozens of params and metrics does not widen the page.
        html.Raw("<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Runs\"><table id=\"runs\"><caption class=\"sr-only\">Runs")
            .Raw(columns.SelectionMetric is null ? "" : ", selection metric first").Raw("</caption><thead><tr class=\"groups\"><th class=\"name\" colspan=\"1\"></th><th colspan=\"2\"></th>");
        foreach (var (group, prefix, keys) in columns.Groups().Where(g => g.Keys.Count > 0))
        {
            var shown = keys.Count(k => columns.IsShown($"{prefix}.{k}"));
            html.Raw($"<th scope=\"colgroup\" class=\"group\" data-group=\"{prefix}\" colspan=\"{Math.Max(shown, 1)}\"{(shown == 0 ? " hidden" : "")}>").Text(group).Raw("</th>");
        }

        html.Raw("</tr><tr class=\"columns\">");
        Header(html, "Run", "attributes.run_name", sort, "class=\"name\"");
        Header(html, "Started", "attributes.start_time", sort);
        Header(html, "Status", "attributes.status", sort);
        foreach (var (_, prefix, keys) in columns.Groups())
        {
            foreach (var key in keys)
            {
                var full = $"{prefix}.{key}";
                var cls = prefix == "metrics" ? key == columns.SelectionMetric ? "metric selection" : "metric" : prefix;
                var title = key == columns.SelectionMetric ? " title=\"the experiment's selection metric\"" : "";
                Header(html, key, $"{prefix}.`{key}`", sort,
                    $"data-key=\"{HtmlBuilder.Attr(full)}\" data-group=\"{prefix}\" class=\"{cls}\"{title}{(columns.IsShown(full) ? "" : " hidden")}");
            }
        }

        html.Raw("</tr></thead><tbody>");
        var onPage = runs.Select(r => r.Info.RunId).ToHashSet(StringComparer.Ordinal);
        var children = runs.Where(r => ParentOf(r) is { } p && onPage.Contains(p)).ToLookup(r => ParentOf(r)!, StringComparer.Ordinal);
        var context = new TreeContext(html, columns, children, winners, new HashSet<string>(StringComparer.Ordinal));
        foreach (var run in runs.Where(r => ParentOf(r) is not { } p || !onPage.Contains(p)))
            WriteTree(context, run, []);
        // Runs caught in a parent cycle have no root on the page; they still get a row.
        foreach (var run in runs.Where(r => !context.Written.Contains(r.Info.RunId)))
            WriteTree(context, run, []);
        html.Raw("</tbody></table></div>");
    }

    private sealed record TreeContext(HtmlBuilder Html, RunColumns Columns, ILookup<string, Run> Children, Dictionary<string, string?> Winners, HashSet<string> Written);

    private static void WriteTree(TreeContext c, Run run, List<string> ancestors)
    {
        if (!c.Written.Add(run.Info.RunId))
            return;
        var html = c.Html;
        var depth = ancestors.Count;
        var id = HtmlBuilder.Attr(run.Info.RunId);
        var winner = c.Winners.TryGetValue(run.Info.RunId, out var selectedBy);
        var kids = c.Children[run.Info.RunId].ToList();
        var classes = string.Join(' ', new[] { depth > 0 ? "child" : "", winner ? "winner" : "" }.Where(s => s.Length > 0));
        html.Raw($"<tr data-run=\"{id}\" data-depth=\"{depth}\"")
            .Raw(ancestors.Count > 0 ? $" data-ancestors=\"{HtmlBuilder.Attr(string.Join(' ', ancestors))}\"" : "")
            .Raw(classes.Length > 0 ? $" class=\"{classes}\">" : ">")
            .Raw($"<td class=\"name\"><span style=\"padding-left:{LineChartSvg.F(1.4 * Math.Min(depth, 8))}em\"></span>")
            .Raw($"<input type=\"checkbox\" name=\"runs\" value=\"{id}\" aria-label=\"Select ").Text(run.Info.RunName).Raw(" to compare\"> ");
        if (kids.Count > 0)
            html.Raw("<button type=\"button\" class=\"toggle\" aria-expanded=\"true\" hidden aria-label=\"Show or hide the child runs of ").Text(run.Info.RunName).Raw("\">▾</button> ");
        html.Raw(depth > 0 ? "<span aria-hidden=\"true\">↳ </span>" : "").Link($"/runs/{run.Info.RunId}", run.Info.RunName);
        if (winner)
            html.Raw(" <span class=\"badge\" title=\"").Text($"selected by {selectedBy ?? "the sweep"}").Raw("\">★ best</span>");
        // A child whose parent is on another page (or sorted away) still says whose it is.
        if (depth == 0 && ParentOf(run) is { } parent)
            html.Raw(" <span class=\"muted orphan\">child of ").Link($"/runs/{HtmlBuilder.Query(parent)}", parent.Length > 8 ? parent[..8] : parent).Raw("</span>");
        html.Raw("</td><td class=\"time\">").Text(HtmlBuilder.Time(run.Info.StartTime))
            .Raw("</td><td class=\"status ").Raw(run.Info.Status.ToMlflowName().ToLowerInvariant()).Raw("\">").Text(run.Info.Status.ToMlflowName()).Raw("</td>");
        foreach (var (_, prefix, keys) in c.Columns.Groups())
        {
            foreach (var key in keys)
            {
                var full = $"{prefix}.{key}";
                var hidden = c.Columns.IsShown(full) ? "" : " hidden";
                var value = prefix switch
                {
                    "metrics" => run.Data.Metric(key) is { } v ? HtmlBuilder.Number(v) : null,
                    "params" => run.Data.Param(key),
                    _ => run.Data.Tag(key),
                };
                html.Raw($"<td data-key=\"{HtmlBuilder.Attr(full)}\" class=\"{(prefix == "metrics" ? "num" : "text")}\"{hidden}")
                    .Raw(prefix != "metrics" && value is { Length: > 24 } ? $" title=\"{HtmlBuilder.Attr(value)}\">" : ">").Text(value).Raw("</td>");
            }
        }

        html.Raw("</tr>");
        foreach (var child in kids)
            WriteTree(c, child, [.. ancestors, run.Info.RunId]);
    }

    private static void Header(HtmlBuilder html, string label, string column, Func<string, (string Href, string Marker)> sort, string attributes = "")
    {
        var (href, marker) = sort(column);
        html.Raw(attributes.Length > 0 ? $"<th scope=\"col\" {attributes}>" : "<th scope=\"col\">").Link(href, label + marker, "class=\"sort\"").Raw("</th>");
    }

    private static string? ParentOf(Run run) => run.Data.Tag(SystemTags.ParentRunId);
}
