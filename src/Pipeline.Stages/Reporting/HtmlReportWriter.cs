using System.Globalization;
using System.Net;
using System.Text;

namespace Pipeline.Stages.Reporting;

/// <summary>
/// Renders a <see cref="PipelineReport"/> as one self-contained HTML page: inline style and script, plots as
/// base64 PNG data URIs, and a Content-Security-Policy that forbids every request, so the file reads the same
/// offline, from a CI artifact or attached to a mail. The sweep table sorts by any column on a header click.
/// </summary>
public sealed class HtmlReportWriter
{
    // Verdicts use ✓ and ✗ rather than emoji: common text fonts have them, so they show on a bare CI machine too.
    public string Write(PipelineReport report)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>").AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.AppendLine($"<meta http-equiv=\"Content-Security-Policy\" content=\"{HtmlReportAssets.ContentSecurityPolicy}\">");
        html.AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.AppendLine($"<title>{E(report.Experiment)}: pipeline report</title>");
        html.AppendLine("<style>").AppendLine(HtmlReportAssets.Style).AppendLine("</style></head><body>");
        html.AppendLine($"<h1>Pipeline {E(report.Experiment)}</h1>");
        html.AppendLine($"<p class=\"sub\"><code>{E(report.PipelineFile)}</code> · generated {E(report.GeneratedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))}" +
            (report.PipelineRunId is null ? "" : $" · pipeline run <code>{E(report.PipelineRunId)}</code>") + "</p>");
        if (report.PipelineRunId is null)
            html.AppendLine("<p>No pipeline run yet: run the PrepareData stage.</p>");
        else
        {
            Cards(html, report);
            if (report.Sweep is { } sweep)
                HtmlSweepTable.Append(html, sweep);
            if (report.Evaluation is { } evaluation)
                Evaluation(html, evaluation);
            if (report.ServingTags.Count > 0)
                KeyValues(html, "Serving", report.ServingTags);
            HtmlSourceSection.Append(html, report);
        }
        html.AppendLine("<script>").AppendLine(HtmlReportAssets.Script).AppendLine("</script>");
        return html.AppendLine("</body></html>").ToString();
    }

    private static void Cards(StringBuilder html, PipelineReport report)
    {
        html.AppendLine("<div class=\"cards\">");
        if (report.Dataset is { } d)
            Card(html, "Dataset", $"{E(d.Name)}: {d.Rows?.ToString(CultureInfo.InvariantCulture) ?? "?"} rows ({d.TrainRows?.ToString(CultureInfo.InvariantCulture) ?? "?"} train / {d.TestRows?.ToString(CultureInfo.InvariantCulture) ?? "?"} test)<br><code>{E(d.Digest)}</code>");
        if (report.Sweep?.Winner is { } w)
            Card(html, "Winner", $"<code>{E(w.Configuration)}</code><br>cross-validated {E(report.Sweep.SelectMetric)} = {E(ReportFormat.Number(w.Score))}");
        if (report.Evaluation is { Passed: { } passed } ev)
            Card(html, "Gates", $"<span class=\"{(passed ? "pass\">✓ passed" : "fail\">✗ failed")}</span> ({ev.Gates.Count(g => g.Passed)} of {ev.Gates.Count})");
        if (report.Model is { } m)
            Card(html, "Model", $"<code>{E(m.VersionUri)}</code>" + (m.Aliases.Count > 0 ? $"<br>alias {string.Join(", ", m.Aliases.Select(a => $"<code>{E(a)}</code>"))}" : ""));
        if (report.ImageTag is { } image)
            Card(html, "Image", $"<code>{E(image)}</code>");
        html.AppendLine("</div>");
    }

    private static void Card(StringBuilder html, string title, string body) =>
        html.AppendLine($"<div class=\"card\"><b>{E(title)}</b>{body}</div>");

    private static void Evaluation(StringBuilder html, ReportEvaluation evaluation)
    {
        html.AppendLine($"<h2>Evaluation on the test split</h2><p class=\"sub\">evaluation run <code>{E(evaluation.RunId)}</code></p>");
        if (evaluation.Gates.Count > 0)
        {
            html.AppendLine("<table id=\"gates\"><thead><tr><th></th><th>gate</th><th>verdict</th></tr></thead><tbody>");
            foreach (var gate in evaluation.Gates)
                html.AppendLine($"<tr><td class=\"{(gate.Passed ? "pass\">✓" : "fail\">✗")}</td><td>{E(gate.Metric)}</td><td>{E(gate.Verdict)}</td></tr>");
            html.AppendLine("</tbody></table>");
        }
        html.AppendLine("<table id=\"test-metrics\"><thead><tr><th>metric</th><th>value</th></tr></thead><tbody>");
        foreach (var (name, value) in evaluation.Metrics)
            html.AppendLine($"<tr><td>{E(name)}</td><td class=\"num\">{E(ReportFormat.Number(value))}</td></tr>");
        html.AppendLine("</tbody></table>");
        if (evaluation.Plots.Count == 0)
            return;
        html.AppendLine("<div class=\"plots\">");
        foreach (var plot in evaluation.Plots)
            html.AppendLine($"<figure><img alt=\"{E(plot.Title)}\" src=\"data:image/png;base64,{Convert.ToBase64String(plot.Png)}\"><figcaption>{E(plot.Title)}</figcaption></figure>");
        html.AppendLine("</div>");
    }

    internal static void KeyValues(StringBuilder html, string title, IEnumerable<KeyValuePair<string, string>> rows)
    {
        html.AppendLine($"<h2>{E(title)}</h2><table><tbody>");
        foreach (var (key, value) in rows)
            html.AppendLine($"<tr><th>{E(key)}</th><td>{E(value)}</td></tr>");
        html.AppendLine("</tbody></table>");
    }

    /// <summary>HTML-encodes text for element content and attribute values.</summary>
    internal static string E(string text) => WebUtility.HtmlEncode(text);
}
