using System.Globalization;

namespace Pipeline.Stages.Reporting;

/// <summary>Number and text formatting shared by the Markdown and HTML writers, so both read the same.</summary>
internal static class ReportFormat
{
    /// <summary>Up to four decimals, invariant culture: <c>0.9942</c>, <c>1</c>; a dash for a missing value.</summary>
    public static string Number(double? value) =>
        value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "-";

    /// <summary><c>0.9942 ± 0.007</c>, or just the mean when no deviation was logged.</summary>
    public static string MeanStd(CvMetric? metric) =>
        metric is null ? "-" : metric.Std is { } std ? $"{Number(metric.Mean)} ± {Number(std)}" : Number(metric.Mean);

    /// <summary>Seconds with two decimals, e.g. <c>0.41</c>.</summary>
    public static string Seconds(double? value) =>
        value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    /// <summary>The trial's params other than the trainer (which its configuration names), as <c>C=0.5, tolerance=1E-06</c>.</summary>
    public static string Params(ReportTrial trial) =>
        string.Join(", ", trial.Params.Where(p => p.Key != "trainer").OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    /// <summary>The first 12 characters of a run id: enough to find it, short enough for a table.</summary>
    public static string ShortId(string runId) => runId.Length > 12 ? runId[..12] : runId;

    /// <summary>One line, at most <paramref name="max"/> characters, with an ellipsis when cut.</summary>
    public static string OneLine(string text, int max = 200)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= max ? line : line[..(max - 1)] + "…";
    }
}
