using System.Globalization;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Search;

namespace Pipeline.Cli.Listing;

/// <summary>
/// The cells of <c>pipeline runs list</c>: run id (8 characters), name, status, start time (UTC), duration, parent,
/// then the metric and param keys named in the filter or order-by (metrics first, each in the order named), then the
/// experiment's selection metric, then every other metric key on the page and every other param key, sorted. A child run follows its parent, indented, when the parent is on the page.
/// </summary>
internal sealed class RunsTable
{
    private const int ShortIdLength = 8;

    /// <summary>The columns before the metrics and params: run id, name, status, start time, duration, parent.</summary>
    public const int FixedColumns = 6;

    private readonly List<string> _namedMetrics;
    private readonly List<string> _namedParams;
    private readonly List<string> _metricKeys;
    private readonly List<string> _paramKeys;
    private readonly IReadOnlyList<Run> _runs;

    public RunsTable(IReadOnlyList<Run> runs, IReadOnlyList<FilterClause> filter, IReadOnlyList<OrderByClause> orderBy, string? selectionMetric = null)
    {
        _runs = runs;
        var named = filter.Select(c => (c.Kind, c.Key)).Concat(orderBy.Select(o => (o.Kind, o.Key))).ToList();
        if (selectionMetric is not null)
        {
            named.Add((EntityKind.Metric, selectionMetric));
        }

        (_namedMetrics, _metricKeys) = Columns(runs.SelectMany(r => r.Data.Metrics.Select(m => m.Key)), named, EntityKind.Metric);
        (_namedParams, _paramKeys) = Columns(runs.SelectMany(r => r.Data.Params.Select(p => p.Key)), named, EntityKind.Param);
    }

    // Named keys lead, so a terminal too narrow for every column still shows the ones the filter and order-by name.
    public IReadOnlyList<string> Headers =>
        ["run id", "name", "status", "start time (UTC)", "duration", "parent",
            .. _namedMetrics.Select(k => $"metrics.{k}"), .. _namedParams.Select(k => $"params.{k}"),
            .. _metricKeys.Select(k => $"metrics.{k}"), .. _paramKeys.Select(k => $"params.{k}")];

    /// <summary>The table's cells; <paramref name="plain"/> (for CSV) writes whole run and parent ids and does not indent child names.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows(bool plain = false) =>
        Ordered().Select(p => (IReadOnlyList<string>)Row(p.Run, plain ? 0 : p.Depth, plain)).ToList();

    /// <summary>The runs in row order with their nesting depth: a child follows its parent when the parent is on the page.</summary>
    public IReadOnlyList<(Run Run, int Depth)> Ordered()
    {
        var onPage = _runs.Select(r => r.Info.RunId).ToHashSet(StringComparer.Ordinal);
        var children = _runs.Where(r => ParentOf(r) is { } p && onPage.Contains(p)).ToLookup(r => ParentOf(r)!, StringComparer.Ordinal);
        var ordered = new List<(Run, int)>(_runs.Count);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in _runs.Where(r => ParentOf(r) is not { } p || !onPage.Contains(p)))
        {
            Place(run, 0);
        }

        // A parent cycle (only possible in a corrupted store) would leave runs unplaced: show them flat rather than lose them.
        foreach (var run in _runs.Where(r => !placed.Contains(r.Info.RunId)))
        {
            Place(run, 0);
        }

        return ordered;

        void Place(Run run, int depth)
        {
            if (!placed.Add(run.Info.RunId))
            {
                return;
            }

            ordered.Add((run, depth));
            foreach (var child in children[run.Info.RunId])
            {
                Place(child, depth + 1);
            }
        }
    }

    private List<string> Row(Run run, int depth, bool wholeIds)
    {
        var info = run.Info;
        var row = new List<string>
        {
            wholeIds ? info.RunId : Short(info.RunId),
            new string(' ', 2 * depth) + info.RunName,
            // Deleted runs are listed only with --view deleted or all; say which they are.
            info.LifecycleStage == LifecycleStage.Deleted ? $"{info.Status.ToMlflowName()} (deleted)" : info.Status.ToMlflowName(),
            DateTimeOffset.FromUnixTimeMilliseconds(info.StartTime).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            info.EndTime is { } end ? Duration(end - info.StartTime) : "",
            ParentOf(run) is { } parent ? (wholeIds ? parent : Short(parent)) : "",
        };
        row.AddRange(_namedMetrics.Select(k => MetricCell(run, k)));
        row.AddRange(_namedParams.Select(k => run.Data.Param(k) ?? ""));
        row.AddRange(_metricKeys.Select(k => MetricCell(run, k)));
        row.AddRange(_paramKeys.Select(k => run.Data.Param(k) ?? ""));
        return row;
    }

    /// <summary>The keys of one kind on the page: those named, in the order named, and the others, sorted.</summary>
    private static (List<string> Named, List<string> Others) Columns(IEnumerable<string> present, List<(EntityKind Kind, string Key)> named, EntityKind kind)
    {
        var keys = present.ToHashSet(StringComparer.Ordinal);
        var first = named.Where(n => n.Kind == kind && keys.Contains(n.Key)).Select(n => n.Key).Distinct().ToList();
        return (first, keys.Except(first).Order(StringComparer.Ordinal).ToList());
    }

    private static string MetricCell(Run run, string key) =>
        run.Data.Metric(key) is { } v ? v.ToString("G6", CultureInfo.InvariantCulture) : "";

    private static string? ParentOf(Run run) => run.Data.Tag(SystemTags.ParentRunId) is { Length: > 0 } id ? id : null;

    private static string Short(string runId) => runId.Length > ShortIdLength ? runId[..ShortIdLength] : runId;

    /// <summary>"850ms", "12.3s", "4m 05s", "2h 03m".</summary>
    internal static string Duration(long milliseconds)
    {
        if (milliseconds < 0)
        {
            return "";
        }

        var span = TimeSpan.FromMilliseconds(milliseconds);
        return span.TotalSeconds < 1 ? $"{milliseconds}ms"
            : span.TotalMinutes < 1 ? span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s"
            : span.TotalHours < 1 ? $"{(int)span.TotalMinutes}m {span.Seconds:00}s"
            : $"{(int)span.TotalHours}h {span.Minutes:00}m";
    }
}
