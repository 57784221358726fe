using System.Globalization;
using System.Text.Json;
using Pipeline.Cli.Output;
using Pipeline.Stages.Monitoring;

namespace Pipeline.Cli.Commands.Monitor;

/// <summary>Prints a drift check: the features by PSI as a table (or JSON, CSV), then the verdicts and where the reports are.</summary>
internal static class DriftOutput
{
    public static void Write(DriftOutcome outcome, OutputFormat format)
    {
        var report = outcome.Report;
        var features = report.Analysis.Features.OrderByDescending(f => double.IsNaN(f.Psi) ? double.MinValue : f.Psi).ToArray();
        var rows = features.Select(f => (IReadOnlyList<string>)
        [
            f.Name, N(f.Psi), N(f.Ks), N(f.TrainingMean), N(f.LiveMean), f.LiveCount.ToString(CultureInfo.InvariantCulture),
            f.Psi > DriftReport.PsiAlert ? "drift" : f.Psi > DriftReport.PsiWarning ? "moderate" : "",
        ]).ToArray();
        var view = new DataView(["feature", "psi", "ks", "training mean", "live mean", "live rows", "shift"], rows, w => Json(w, outcome))
        {
            Style = (r, c) => c == 6 && rows[r][6] == "drift" ? new Spectre.Console.Style(Spectre.Console.Color.Red) : (Spectre.Console.Style?)null,
        };
        DataViewWriter.Write(view, format);

        // Tables are for people, so the summary follows them on stdout; JSON and CSV keep stdout to the data alone.
        var summary = format == OutputFormat.Table ? Console.Out : Console.Error;
        var a = report.Analysis;
        summary.WriteLine($"{a.Rows} live rows against {a.TrainingRows} training rows; prediction shift PSI {(a.Predictions is { } p ? N(p.Psi) : "-")}; " +
            $"{report.Drifted.Count} of {a.Features.Count} features with PSI > {DriftReport.PsiAlert.ToString(CultureInfo.InvariantCulture)}.");
        foreach (var note in report.Notes())
            summary.WriteLine($"note: {note}");
        summary.WriteLine($"Report: {outcome.HtmlPath}, {outcome.MarkdownPath}{(outcome.StepSummary is null ? "" : ", job summary")}.");
        if (outcome.RunId is { } runId)
            summary.WriteLine($"Monitoring run: {runId}.");
        foreach (var verdict in report.Verdicts)
            (verdict.Passed ? summary : Console.Error).WriteLine($"--fail-on {verdict}");
    }

    private static void Json(Utf8JsonWriter w, DriftOutcome outcome)
    {
        var report = outcome.Report;
        w.WriteStartObject();
        w.WriteString("model_uri", report.Model.Uri);
        w.WriteString("model_name", report.Model.Name);
        w.WriteString("model_version", report.Model.Version);
        w.WriteString("log", report.LogSource);
        w.WriteNumber("rows", report.Analysis.Rows);
        w.WriteNumber("training_rows", report.Analysis.TrainingRows);
        w.WriteBoolean("passed", report.Passed);
        w.WriteStartArray("features");
        foreach (var f in report.Analysis.Features)
        {
            w.WriteStartObject();
            w.WriteString("name", f.Name);
            Number(w, "psi", f.Psi);
            Number(w, "ks", f.Ks);
            Number(w, "training_mean", f.TrainingMean);
            Number(w, "live_mean", f.LiveMean);
            w.WriteNumber("live_rows", f.LiveCount);
            w.WriteNumber("live_missing", f.LiveMissing);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (report.Analysis.Predictions is { } p)
            Number(w, "prediction_psi", p.Psi);
        w.WriteStartArray("verdicts");
        foreach (var verdict in report.Verdicts)
        {
            w.WriteStartObject();
            w.WriteString("condition", verdict.Condition.ToString());
            w.WriteBoolean("passed", verdict.Passed);
            w.WriteStartArray("violations");
            foreach (var violation in verdict.Violations)
                w.WriteStringValue(violation);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("html_report", outcome.HtmlPath);
        w.WriteString("markdown_report", outcome.MarkdownPath);
        w.WriteString("run_id", outcome.RunId);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteNull(name);
    }

    private static string N(double value) => double.IsNaN(value) ? "-" : value.ToString("0.####", CultureInfo.InvariantCulture);
}
