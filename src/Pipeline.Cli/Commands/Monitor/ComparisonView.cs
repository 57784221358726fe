using System.Globalization;
using System.Text.Json;
using Pipeline.Cli.Output;
using Pipeline.Stages.Monitoring;
using Pipeline.Stages.Spec;
using Pipeline.Tracking.Stores.Rest;

namespace Pipeline.Cli.Commands.Monitor;

/// <summary>
/// A <see cref="ComparisonReport"/> printed: one column per version (the champion first) and one row per count and metric;
/// the JSON document holds everything, including the join's counts and the bootstrap intervals.
/// </summary>
internal static class ComparisonView
{
    public static DataView Create(ComparisonReport report)
    {
        var versions = report.Versions;
        IReadOnlyList<string> headers = ["field", .. versions.Select(v => v.Role is { } role ? $"version {v.Version} ({role})" : $"version {v.Version}")];
        var rows = new List<IReadOnlyList<string>>
        {
            (IReadOnlyList<string>)["logged_rows", .. versions.Select(v => Int(v.LoggedRows))],
            (IReadOnlyList<string>)["joined_rows", .. versions.Select(v => Int(v.JoinedRows))],
            (IReadOnlyList<string>)["unlabelled_rows", .. versions.Select(v => Int(v.UnlabelledRows))],
        };
        var names = versions.SelectMany(v => v.Metrics.Names).Distinct().ToList();
        rows.AddRange(names.Select(name => (IReadOnlyList<string>)[name, .. versions.Select(v => v.Metrics.TryGet(name, out var x) ? Cells.Number(x) : "")]));
        return new DataView(headers, rows, w => WriteJson(w, report)) { FixedColumns = 2 };
    }

    /// <summary>The join's counts and the significance notes, for people (after the table, or on stderr beside CSV).</summary>
    public static void WriteNotes(ComparisonReport report, TextWriter notes)
    {
        notes.WriteLine($"Task {report.Task.ToYamlName()}; {report.Labels} labels ({report.UnmatchedLabels} matched no logged prediction, " +
                        $"{report.DuplicateLabels} repeated, {report.EmptyLabels} empty); {report.LogSources} log source(s), " +
                        $"{report.SkippedLogLines} refused-request line(s), {report.DuplicatePredictions} repeated prediction(s).");
        foreach (var difference in report.Differences)
            notes.WriteLine(difference.Note);
        if (report.Versions.Count < 2)
            notes.WriteLine($"Only {report.Versions.Count} model version in the log: nothing to compare.");
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void WriteJson(Utf8JsonWriter w, ComparisonReport report)
    {
        w.WriteStartObject();
        w.WriteString("task", report.Task.ToYamlName());
        w.WriteString("metric", report.Metric);
        w.WriteStartArray("versions");
        foreach (var version in report.Versions)
        {
            w.WriteStartObject();
            w.WriteString("version", version.Version);
            w.WriteString("role", version.Role);
            w.WriteNumber("logged_rows", version.LoggedRows);
            w.WriteNumber("joined_rows", version.JoinedRows);
            w.WriteNumber("unlabelled_rows", version.UnlabelledRows);
            w.WriteStartObject("metrics");
            foreach (var (name, value) in version.Metrics)
                Number(w, name, value);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("comparisons");
        foreach (var d in report.Differences)
        {
            w.WriteStartObject();
            w.WriteString("metric", d.Metric);
            w.WriteString("baseline", d.Baseline);
            w.WriteString("other", d.Other);
            Number(w, "difference", d.Difference);
            Number(w, "lower", d.Lower);
            Number(w, "upper", d.Upper);
            w.WriteNumber("confidence", d.Confidence);
            w.WriteNumber("resamples", d.Resamples);
            w.WriteNumber("valid_resamples", d.ValidResamples);
            w.WriteBoolean("paired", d.Paired);
            w.WriteNumber("seed", d.Seed);
            w.WriteBoolean("excludes_zero", d.ExcludesZero);
            w.WriteString("note", d.Note);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("labels");
        w.WriteNumber("rows", report.Labels);
        w.WriteNumber("unmatched", report.UnmatchedLabels);
        w.WriteNumber("duplicates", report.DuplicateLabels);
        w.WriteNumber("empty", report.EmptyLabels);
        w.WriteEndObject();
        w.WriteStartObject("log");
        w.WriteNumber("sources", report.LogSources);
        w.WriteNumber("refused_request_lines", report.SkippedLogLines);
        w.WriteNumber("duplicate_predictions", report.DuplicatePredictions);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>A metric value; NaN or an infinity (an undefined metric) as the other commands write it: <c>"NaN"</c>, <c>"Infinity"</c>.</summary>
    private static void Number(Utf8JsonWriter w, string name, double value) => MlflowJsonWriter.WriteDouble(w, name, value);
}
