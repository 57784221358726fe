using Pipeline.Tracking.Entities;

namespace Pipeline.Server.Dashboard;

/// <summary>The compare view's table: a column per run, a row per attribute, param and metric; rows whose values differ are marked.</summary>
internal static class CompareTable
{
    public static void Write(HtmlBuilder html, IReadOnlyList<Run> runs, IReadOnlyList<string> paramKeys, IReadOnlyList<string> metricKeys)
    {
        html.Raw("<div class=\"scroll\"><table id=\"compare-table\"><thead><tr><th>Run</th>");
        foreach (var run in runs)
            html.Raw("<th>").Link($"/runs/{run.Info.RunId}", run.Info.RunName).Raw("</th>");
        html.Raw("</tr></thead><tbody>");
        Row(html, "Run ID", runs.Select(r => (string?)r.Info.RunId));
        Row(html, "Status", runs.Select(r => (string?)r.Info.Status.ToMlflowName()));
        Row(html, "Lifecycle stage", runs.Select(r => (string?)r.Info.LifecycleStage.ToMlflowName()));
        Row(html, "Started", runs.Select(r => (string?)HtmlBuilder.Time(r.Info.StartTime)));
        Row(html, "Parent run", runs.Select(r => r.Data.Tag(SystemTags.ParentRunId)));
        Section(html, "Parameters", runs.Count);
        foreach (var key in paramKeys)
            Row(html, key, runs.Select(r => r.Data.Param(key)), "param");
        Section(html, "Metrics", runs.Count);
        foreach (var key in metricKeys)
            Row(html, key, runs.Select(r => r.Data.Metric(key) is { } v ? HtmlBuilder.Number(v) : null), "metric");
        html.Raw("</tbody></table></div>");
    }

    private static void Section(HtmlBuilder html, string title, int runs) =>
        html.Raw($"<tr><th colspan=\"{runs + 1}\">").Text(title).Raw("</th></tr>");

    private static void Row(HtmlBuilder html, string label, IEnumerable<string?> values, string kind = "attribute")
    {
        var list = values.ToList();
        var differs = list.Distinct(StringComparer.Ordinal).Count() > 1;
        html.Raw($"<tr class=\"{kind}{(differs ? " diff" : "")}\"><th>").Text(label).Raw("</th>");
        foreach (var value in list)
            html.Raw(kind == "metric" ? "<td class=\"num\">" : "<td>").Text(value).Raw("</td>");
        html.Raw("</tr>");
    }
}
