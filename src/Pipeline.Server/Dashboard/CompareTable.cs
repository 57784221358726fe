using Pipeline.Tracking.Entities;

namespace Pipeline.Server.Dashboard;

/// <summary>
/// The compare view's table: a column per run, a row per attribute, param and metric. Only rows whose values differ are
/// shown at first; a checkbox shows the rest (plain CSS, so it works without script). Up to 8 runs share the window's
/// width (names wrap rather than being cut); more scroll inside the table's box.
/// </summary>
internal static class CompareTable
{
    private const int FitRuns = 8;

    public static void Write(HtmlBuilder html, IReadOnlyList<Run> runs, IReadOnlyList<string> paramKeys, IReadOnlyList<string> metricKeys)
    {
        var rows = new List<(string Section, string Label, List<string?> Values, string Kind)>
        {
            ("", "Status", runs.Select(r => (string?)r.Info.Status.ToMlflowName()).ToList(), "attribute"),
            ("", "Lifecycle stage", runs.Select(r => (string?)r.Info.LifecycleStage.ToMlflowName()).ToList(), "attribute"),
            ("", "Started", runs.Select(r => (string?)HtmlBuilder.Time(r.Info.StartTime)).ToList(), "attribute"),
        };
        rows.AddRange(metricKeys.Select(k => ("Metrics", k, runs.Select(r => r.Data.Metric(k) is { } v ? HtmlBuilder.Number(v) : null).ToList(), "metric")));
        rows.AddRange(paramKeys.Select(k => ("Parameters", k, runs.Select(r => r.Data.Param(k)).ToList(), "param")));
        var same = rows.Count(r => !Differs(r.Values));

        html.Raw("<p class=\"toolbar\"><input type=\"checkbox\" id=\"show-same\"> <label for=\"show-same\">")
            .Text($"Show the {same} rows that are the same in every run").Raw("</label></p>");
        var fit = runs.Count <= FitRuns ? " class=\"fit\"" : $" style=\"min-width:{14 + (10 * runs.Count)}em\"";
        html.Raw($"<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Compared runs\"><table id=\"compare-table\"{fit}><thead><tr><th scope=\"col\" class=\"label\">Run</th>");
        foreach (var run in runs)
            html.Raw($"<th scope=\"col\"><a href=\"/runs/{HtmlBuilder.Attr(run.Info.RunId)}\">").Raw(Breakable(run.Info.RunName)).Raw("</a><br><code class=\"id\">")
                .Link($"/runs/{run.Info.RunId}", run.Info.RunId[..Math.Min(8, run.Info.RunId.Length)], $"title=\"{HtmlBuilder.Attr(run.Info.RunId)}\"").Raw("</code></th>");
        html.Raw("</tr></thead><tbody>");
        var section = "";
        foreach (var (rowSection, label, values, kind) in rows)
        {
            if (rowSection != section)
            {
                section = rowSection;
                html.Raw($"<tr class=\"section\"><th colspan=\"{runs.Count + 1}\" scope=\"colgroup\">").Text(section).Raw("</th></tr>");
            }

            Row(html, label, values, kind);
        }

        html.Raw("</tbody></table></div>");
    }

    // A long name wraps after its underscores and dashes (lbfgs_maximum_entropy-02), not inside a word.
    private static string Breakable(string name) =>
        string.Join("", name.Select(c => HtmlBuilder.Attr(c.ToString()) + (c is '_' or '-' ? "<wbr>" : "")));

    private static bool Differs(List<string?> values) => values.Distinct(StringComparer.Ordinal).Count() > 1;

    private static void Row(HtmlBuilder html, string label, List<string?> values, string kind)
    {
        html.Raw($"<tr class=\"{kind}{(Differs(values) ? " diff" : " same")}\"><th scope=\"row\">").Text(label).Raw("</th>");
        foreach (var value in values)
            html.Raw(kind == "metric" ? "<td class=\"num\">" : "<td>").Text(value).Raw("</td>");
        html.Raw("</tr>");
    }
}
