using System.Text;
using Pipeline.Stages.Spec;
using Pipeline.Tracking.Entities;

namespace Pipeline.Stages.Reporting;

/// <summary>The sweep as a Markdown table: one row per trial, the key metrics as mean ± std, the winner in bold.</summary>
internal static class MarkdownSweepTable
{
    public static void Append(StringBuilder md, ReportSweep sweep)
    {
        var direction = sweep.Direction == OptimizationDirection.Maximize ? "maximize" : "minimize";
        var folds = sweep.CvFolds is { } f ? $"{f}-fold CV, " : "";
        md.AppendLine($"### Sweep: {sweep.Trials.Count} trials, {sweep.FailedTrials} failed ({folds}{direction} {sweep.SelectMetric})").AppendLine();
        md.Append("| # | trial | status | configuration | params |");
        foreach (var metric in sweep.KeyMetrics)
            md.Append($" {MarkdownSummaryWriter.Cell(metric)} |");
        md.AppendLine(" fit time (s) |");
        md.Append("| ---: | --- | --- | --- | --- |");
        md.Append(string.Concat(sweep.KeyMetrics.Select(_ => " ---: |")));
        md.AppendLine(" ---: |");
        foreach (var trial in sweep.Trials)
        {
            var isWinner = sweep.Winner?.RunId == trial.RunId;
            string Mark(string text) => isWinner ? $"**{text}**" : text;
            md.Append($"| {trial.Index + 1} | {Mark(MarkdownSummaryWriter.Cell(trial.Name))}{(isWinner ? " 🏆" : "")} | {Status(trial)} | `{MarkdownSummaryWriter.Code(trial.Configuration)}` | {MarkdownSummaryWriter.Cell(ReportFormat.Params(trial))} |");
            foreach (var metric in sweep.KeyMetrics)
                md.Append($" {Mark(ReportFormat.MeanStd(trial.Metrics.GetValueOrDefault(metric)))} |");
            md.AppendLine($" {ReportFormat.Seconds(trial.FitTimeSeconds)} |");
        }
        md.AppendLine();
        foreach (var failed in sweep.Trials.Where(t => t.Failed && t.Error is not null))
            md.AppendLine($"- ❌ {MarkdownSummaryWriter.Cell(failed.Name)}: {MarkdownSummaryWriter.Cell(failed.Error!)}");
        if (sweep.FailedTrials > 0)
            md.AppendLine();
    }

    private static string Status(ReportTrial trial) => trial.Pruned ? "✂️ pruned" : trial.Status switch
    {
        RunStatus.Finished => "✅ finished",
        RunStatus.Failed => "❌ failed",
        var other => other.ToString().ToLowerInvariant(),
    };
}
