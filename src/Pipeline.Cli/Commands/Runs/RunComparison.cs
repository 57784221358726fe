using Pipeline.Cli.Listing;
using Pipeline.Tracking.Entities;

namespace Pipeline.Cli.Commands.Runs;

/// <summary>
/// Runs side by side: the params whose values differ (all of them with <c>allParams</c>), and every metric with its
/// difference from the first run (the baseline). The selection metric, when known, leads the metrics.
/// </summary>
internal sealed class RunComparison
{
    public RunComparison(IReadOnlyList<Run> runs, SelectionMetric? selection, bool allParams)
    {
        Runs = runs;
        Selection = selection;
        var paramKeys = runs.SelectMany(r => r.Data.Params.Select(p => p.Key)).Distinct().Order(StringComparer.Ordinal);
        Params = paramKeys
            .Select(k => new ParamRow(k, runs.Select(r => r.Data.Param(k)).ToList()))
            .Where(p => allParams || p.Differs)
            .ToList();
        var metricKeys = runs.SelectMany(r => r.Data.Metrics.Select(m => m.Key)).Distinct()
            .OrderBy(k => k == selection?.Key ? 0 : 1).ThenBy(k => k, StringComparer.Ordinal);
        Metrics = metricKeys.Select(k => MetricRow.Of(k, runs.Select(r => r.Data.Metric(k)).ToList())).ToList();
    }

    public IReadOnlyList<Run> Runs { get; }

    public SelectionMetric? Selection { get; }

    public IReadOnlyList<ParamRow> Params { get; }

    public IReadOnlyList<MetricRow> Metrics { get; }

    /// <summary>A param's value in each run (null where a run did not log it).</summary>
    public sealed record ParamRow(string Key, IReadOnlyList<string?> Values)
    {
        public bool Differs => Values.Distinct(StringComparer.Ordinal).Skip(1).Any();
    }

    /// <summary>A metric's latest value in each run and its difference from the baseline's (null where either is missing).</summary>
    public sealed record MetricRow(string Key, IReadOnlyList<double?> Values, IReadOnlyList<double?> Deltas)
    {
        public static MetricRow Of(string key, IReadOnlyList<double?> values) =>
            new(key, values, values.Select(v => v is { } x && values[0] is { } b ? x - b : (double?)null).ToList());
    }
}
