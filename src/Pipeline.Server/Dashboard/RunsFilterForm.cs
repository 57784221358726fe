using Pipeline.Tracking.Entities;

namespace Pipeline.Server.Dashboard;

/// <summary>
/// The search box above the runs table. Its placeholder is an example built from the experiment's own keys and values
/// (the selection metric and a param the runs set), so it shows the grammar with names that exist.
/// </summary>
internal static class RunsFilterForm
{
    public static void Write(HtmlBuilder html, string path, string? filter, string? orderBy, IReadOnlyList<Run> runs, string? selectionMetric)
    {
        html.Raw("<form class=\"filter\" method=\"get\" action=\"").Text(path).Raw("\" role=\"search\">")
            .Raw("<label for=\"filter\">Filter runs</label> ")
            .Raw("<input type=\"text\" name=\"filter\" id=\"filter\" aria-describedby=\"filter-help\" placeholder=\"").Text(Placeholder(runs, selectionMetric)).Raw("\" value=\"").Text(filter).Raw("\">")
            .Raw(orderBy is null ? "" : $"<input type=\"hidden\" name=\"order_by\" value=\"{HtmlBuilder.Attr(orderBy)}\">")
            .Raw(" <button type=\"submit\" id=\"apply-filter\">Search</button> ").Link(path, "clear")
            .Raw("<span id=\"filter-help\" class=\"muted help\"> MLflow's search grammar: <code>metrics.</code>, <code>params.</code>, <code>tags.</code>, <code>attributes.</code> keys; <code>and</code> between conditions</span></form>");
    }

    /// <summary>An example filter on real keys, e.g. <c>metrics.roc_auc &gt; 0.95 and params.trainer = 'lbfgs_logistic_regression'</c>.</summary>
    public static string Placeholder(IReadOnlyList<Run> runs, string? selectionMetric)
    {
        var metric = selectionMetric ?? runs.SelectMany(r => r.Data.Metrics.Select(m => m.Key)).Order(StringComparer.Ordinal).FirstOrDefault();
        // The median, cut to two decimals: a threshold that splits the runs shown, as a real filter would.
        var values = metric is null ? [] : runs.Select(r => r.Data.Metric(metric)).OfType<double>().Where(double.IsFinite).Order().ToList();
        double? value = values.Count == 0 ? null : values[values.Count / 2];
        // A param that differs between runs (trainer, C) says more than one every run shares (data.seed).
        var param = runs.SelectMany(r => r.Data.Params).GroupBy(p => p.Key)
            .OrderByDescending(g => g.Select(p => p.Value).Distinct().Count() > 1).ThenBy(g => g.Key.Contains('.') ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.First()).FirstOrDefault(p => p.Value.Length <= 40 && !p.Value.Contains('\''));
        var parts = new List<string>();
        if (metric is not null)
            parts.Add($"metrics.{Key(metric)} > {HtmlBuilder.Number(Math.Floor((value ?? 0) * 100) / 100)}");
        if (param is not null)
            parts.Add($"params.{Key(param.Key)} = '{param.Value}'");
        return parts.Count == 0 ? "attributes.status = 'FINISHED'" : string.Join(" and ", parts);
    }

    // Keys with characters outside the plain grammar need backticks.
    private static string Key(string key) => key.All(c => char.IsLetterOrDigit(c) || c is '_' or '.') ? key : $"`{key}`";
}
