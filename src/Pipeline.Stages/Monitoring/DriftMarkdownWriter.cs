using System.Globalization;
using System.Text;
using Pipeline.Stages.Reporting;

namespace Pipeline.Stages.Monitoring;

/// <summary>A drift report as GitHub-flavoured Markdown, for the CI job summary: verdicts, the features by PSI, the notes.</summary>
public sealed class DriftMarkdownWriter
{
    /// <summary>The Markdown text.</summary>
    public string Write(DriftReport report)
    {
        var a = report.Analysis;
        var model = report.Model.Name is { } name ? $"{name} version {report.Model.Version}" : report.Model.Uri;
        var md = new StringBuilder();
        md.AppendLine($"## Drift: {Escape(model)}").AppendLine();
        var drifted = report.Drifted;
        var listed = drifted.Count == 0 ? "" : ": " + string.Join(", ", drifted.Select(f => $"`{f.Name}` ({ReportFormat.Number(f.Psi)})"));
        md.AppendLine(CultureInfo.InvariantCulture, $"{(drifted.Count == 0 ? "✓" : "✗")} **{drifted.Count} of {a.Features.Count} features** with PSI > {DriftReport.PsiAlert}{listed}" +
            $" · prediction shift PSI {ReportFormat.Number(a.Predictions?.Psi)} · {a.Rows} live rows ({DriftText.Window(report)}) against {a.TrainingRows} training rows");
        md.AppendLine();
        foreach (var verdict in report.Verdicts)
            md.AppendLine($"- {(verdict.Passed ? "✓" : "✗")} `--fail-on \"{verdict.Condition}\"`: {(verdict.Passed ? "not met" : Escape(string.Join("; ", verdict.Violations)))}");
        if (report.Verdicts.Count > 0)
            md.AppendLine();
        md.AppendLine("| feature | PSI | KS | training mean | live mean | live rows |").AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var f in a.Features.OrderByDescending(f => double.IsNaN(f.Psi) ? double.MinValue : f.Psi))
        {
            var flag = f.Psi > DriftReport.PsiAlert ? " ✗" : f.Psi > DriftReport.PsiWarning ? " ⚠" : "";
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {Escape(f.Name)}{flag} | {N(f.Psi)} | {N(f.Ks)} | {N(f.TrainingMean)} | {N(f.LiveMean)} | {f.LiveCount} |");
        }

        md.AppendLine();
        foreach (var note in report.Notes())
            md.AppendLine($"> {Escape(note)}");
        return md.ToString();
    }

    private static string N(double value) => ReportFormat.Number(double.IsNaN(value) ? null : value);

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
