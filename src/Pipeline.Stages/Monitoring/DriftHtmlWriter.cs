using System.Globalization;
using System.Net;
using System.Text;
using Pipeline.Ml.Drift;
using Pipeline.Stages.Reporting;

namespace Pipeline.Stages.Monitoring;

/// <summary>
/// A drift report as one self-contained HTML page in the pipeline report's style (inline style, script and SVG plots; a
/// Content-Security-Policy that forbids every request): summary cards, the <c>--fail-on</c> verdicts, a sortable table of
/// every feature, then the prediction shift and one training-against-live histogram per feature, most drifted first.
/// </summary>
public sealed class DriftHtmlWriter
{
    /// <summary>The page's HTML.</summary>
    public string Write(DriftReport report)
    {
        var html = new StringBuilder();
        var model = report.Model.Name is { } name ? $"{name} version {report.Model.Version}" : report.Model.Uri;
        html.AppendLine("<!DOCTYPE html>").AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.AppendLine($"<meta http-equiv=\"Content-Security-Policy\" content=\"{HtmlReportAssets.ContentSecurityPolicy}\">");
        html.AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.AppendLine($"<title>{E(model)}: drift report</title>");
        html.AppendLine("<style>").AppendLine(HtmlReportAssets.Style).AppendLine(Style).AppendLine("</style></head><body>");
        html.AppendLine($"<h1>Drift: {E(model)}</h1>");
        html.AppendLine($"<p class=\"sub\">log <code>{E(report.LogSource)}</code> · {E(DriftText.Window(report))} · generated {E(DriftText.Time(report.GeneratedAt))}</p>");
        Cards(html, report);
        if (report.Verdicts.Count > 0)
        {
            html.AppendLine("<h2>Alerts (--fail-on)</h2><table id=\"verdicts\"><tbody>");
            foreach (var verdict in report.Verdicts)
                html.AppendLine($"<tr><td class=\"{(verdict.Passed ? "pass\">✓" : "fail\">✗")}</td><td><code>{E(verdict.Condition.ToString())}</code></td><td>{E(verdict.Passed ? "not met" : string.Join("; ", verdict.Violations))}</td></tr>");
            html.AppendLine("</tbody></table>");
        }

        Table(html, report.Analysis);
        html.AppendLine("<ul class=\"notes\">");
        foreach (var note in report.Notes())
            html.AppendLine($"<li>{E(note)}</li>");
        html.AppendLine("</ul>");
        Plots(html, report);
        html.AppendLine("<script>").AppendLine(HtmlReportAssets.Script).AppendLine("</script>");
        return html.AppendLine("</body></html>").ToString();
    }

    private const string Style = """
        tr.warn td { background: #fff8c5; }
        .notes { color: #59636e; font-size: 13px; padding-left: 18px; }
        .plots { grid-template-columns: repeat(auto-fill, minmax(380px, 1fr)); }
        .plots figure svg { width: 100%; height: auto; display: block; }
        """;

    private static void Cards(StringBuilder html, DriftReport report)
    {
        var a = report.Analysis;
        html.AppendLine("<div class=\"cards\">");
        Card(html, "Live rows compared", $"{a.Rows.ToString(CultureInfo.InvariantCulture)} ({a.TrainingRows.ToString(CultureInfo.InvariantCulture)} in training)" +
            (report.Rows.First is { } first && report.Rows.Last is { } last ? $"<br>{E(DriftText.Time(first))} to {E(DriftText.Time(last))}" : ""));
        var drifted = report.Drifted;
        Card(html, $"Features with PSI > {DriftReport.PsiAlert.ToString(CultureInfo.InvariantCulture)}",
            $"<span class=\"{(drifted.Count == 0 ? "pass" : "fail")}\">{drifted.Count} of {a.Features.Count}</span>" +
            (drifted.Count == 0 ? "" : "<br>" + string.Join(", ", drifted.Take(5).Select(f => $"<code>{E(f.Name)}</code>")) + (drifted.Count > 5 ? ", …" : "")));
        Card(html, "Prediction shift (PSI)", a.Predictions is { } p ? E(ReportFormat.Number(p.Psi)) : "-");
        if (report.Verdicts.Count > 0)
            Card(html, "Verdict", report.Passed ? "<span class=\"pass\">✓ no alert</span>" : "<span class=\"fail\">✗ drift alert</span>");
        html.AppendLine("</div>");
    }

    private static void Table(StringBuilder html, DriftAnalysis analysis)
    {
        html.AppendLine("<h2>Features</h2><div class=\"scroll\"><table id=\"features\" class=\"sortable\"><thead><tr>" +
            "<th>feature</th><th>PSI</th><th>KS</th><th>training mean</th><th>live mean</th><th>live rows</th><th>missing</th></tr></thead><tbody>");
        foreach (var f in analysis.Features.OrderByDescending(f => double.IsNaN(f.Psi) ? double.MinValue : f.Psi))
        {
            var row = f.Psi > DriftReport.PsiAlert ? " class=\"failed\"" : f.Psi > DriftReport.PsiWarning ? " class=\"warn\"" : "";
            html.AppendLine($"<tr{row}><td>{E(f.Name)}</td>{Num(f.Psi)}{Num(f.Ks)}{Num(f.TrainingMean)}{Num(f.LiveMean)}{Num(f.LiveCount)}{Num(f.LiveMissing)}</tr>");
        }

        html.AppendLine("</tbody></table></div>");
    }

    private static void Plots(StringBuilder html, DriftReport report)
    {
        html.AppendLine("<h2>Distributions: training against live</h2><div class=\"plots\">");
        if (report.Analysis.Predictions is { } p)
            Figure(html, DriftHistogramSvg.Render("predictions", $"PSI {ReportFormat.Number(p.Psi)}", p.Psi > DriftReport.PsiAlert, p.Bins, p.TrainingCounts, p.LiveCounts));
        foreach (var f in report.Analysis.Features.OrderByDescending(f => double.IsNaN(f.Psi) ? double.MinValue : f.Psi))
        {
            var edges = f.BinEdges.Select(Edge).ToArray();
            Figure(html, DriftHistogramSvg.Render(f.Name, $"PSI {ReportFormat.Number(f.Psi)} · KS {ReportFormat.Number(f.Ks)}", f.Psi > DriftReport.PsiAlert,
                edges, f.TrainingCounts, f.LiveCounts));
        }

        html.AppendLine("</div>");
    }

    // Three significant digits, but whole numbers from 1000 up: "3430", not "3.43E+03".
    private static string Edge(double value) =>
        value.ToString(Math.Abs(value) >= 1000 ? "0" : "G3", CultureInfo.InvariantCulture);

    private static void Figure(StringBuilder html, string svg) => html.Append("<figure>").Append(svg).AppendLine("</figure>");

    private static void Card(StringBuilder html, string title, string body) =>
        html.AppendLine($"<div class=\"card\"><b>{E(title)}</b>{body}</div>");

    private static string Num(double value) =>
        $"<td class=\"num\" data-sort=\"{(double.IsNaN(value) ? "NaN" : value.ToString("R", CultureInfo.InvariantCulture))}\">{E(ReportFormat.Number(double.IsNaN(value) ? null : value))}</td>";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
