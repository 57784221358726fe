using System.Globalization;
using System.Text;
using Pipeline.Tracking.Analysis;
using static Pipeline.Stages.Reporting.HtmlReportWriter;

namespace Pipeline.Stages.Reporting;

/// <summary>
/// The sweep as a sortable HTML table: numeric cells carry their raw value in <c>data-sort</c>. To fit a laptop's width
/// the trainer's configuration is the trial name's tooltip (its params have their own column), and the error column is
/// there only when a trial failed.
/// </summary>
internal static class HtmlSweepTable
{
    public static void Append(StringBuilder html, ReportSweep sweep)
    {
        var folds = sweep.CvFolds is { } f ? $"{f}-fold cross-validation, " : "";
        html.AppendLine($"<h2>Sweep</h2><p class=\"sub\">{sweep.Trials.Count} trials, {sweep.FailedTrials} failed{(sweep.Trials.Any(t => t.Pruned) ? $", {sweep.Trials.Count(t => t.Pruned)} pruned" : "")}; {folds}{(sweep.Direction == Spec.OptimizationDirection.Maximize ? "maximize" : "minimize")} {E(sweep.SelectMetric)} · sweep run <code>{E(sweep.RunId)}</code> · click a column header to sort</p>");
        html.Append("<div class=\"scroll\"><table id=\"sweep\" class=\"sortable\"><thead><tr><th data-key=\"index\">#</th><th data-key=\"trial\">trial</th><th data-key=\"status\">status</th><th data-key=\"params\">params</th>");
        foreach (var metric in sweep.MetricColumns)
            html.Append($"<th data-key=\"{E(metric)}\">{E(metric)}</th>");
        var errors = sweep.Trials.Any(t => t.Error is not null);
        html.AppendLine($"<th data-key=\"fit_time_seconds\">fit time (s)</th>{(errors ? "<th data-key=\"error\">error</th>" : "")}</tr></thead><tbody>");
        foreach (var trial in sweep.Trials)
        {
            var css = sweep.Winner?.RunId == trial.RunId ? " class=\"winner\"" : trial.Failed ? " class=\"failed\"" : "";
            html.Append($"<tr{css} data-run=\"{E(trial.RunId)}\">{Num(trial.Index + 1, (trial.Index + 1).ToString(CultureInfo.InvariantCulture))}<td class=\"trial\" title=\"{E(trial.Configuration)}\">{E(trial.Name)}</td>");
            html.Append($"<td>{E(trial.Pruned ? "PRUNED" : trial.Status.ToString().ToUpperInvariant())}</td><td>{E(ReportFormat.Params(trial))}</td>");
            foreach (var metric in sweep.MetricColumns)
            {
                var value = trial.Metrics.GetValueOrDefault(metric);
                html.Append(Num(value?.Mean, ReportFormat.MeanStd(value)));
            }
            html.AppendLine($"{Num(trial.FitTimeSeconds, ReportFormat.Seconds(trial.FitTimeSeconds))}{(errors ? $"<td>{E(trial.Error ?? "")}</td>" : "")}</tr>");
        }
        html.AppendLine("</tbody></table></div>");
        AppendPlots(html, sweep);
    }

    /// <summary>The optimization history and the parameter importance, side by side (pruned and failed trials left out).</summary>
    private static void AppendPlots(StringBuilder html, ReportSweep sweep)
    {
        var points = sweep.Trials.Select(t => new SweepTrialPoint(t.Index, t.Params,
            t.Failed || t.Pruned ? null : t.Metrics.GetValueOrDefault(sweep.SelectMetric)?.Mean)).ToList();
        var history = SweepPlotsSvg.History(points, sweep.SelectMetric, sweep.Direction == Spec.OptimizationDirection.Maximize);
        var importance = SweepPlotsSvg.Importance(points, sweep.SelectMetric);
        if (history is null && importance is null) return;
        html.AppendLine("<div class=\"plots\">").Append(history).Append(importance).AppendLine("</div>");
        if (importance is not null)
            html.AppendLine("<p class=\"sub\">Parameter importance: permutation importance on a random forest fitted to the trials (params in, metric out), chosen over fANOVA for its simplicity; with few trials read it as a hint, not a measurement.</p>");
    }

    private static string Num(double? value, string text) =>
        $"<td class=\"num\" data-sort=\"{(value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "NaN")}\">{E(text)}</td>";
}
