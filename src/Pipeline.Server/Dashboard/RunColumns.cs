using Pipeline.Tracking.Entities;

namespace Pipeline.Server.Dashboard;

/// <summary>
/// The runs table's key columns in the order a reader wants them: the experiment's selection metric first, the other
/// metrics, then params, then tags, each a group; and which of them are shown. Without a choice in the URL
/// (<c>cols=1&amp;col=metrics.roc_auc&amp;...</c>, what the column picker submits) every metric and param is shown except
/// the pipeline run's bookkeeping (<c>data.*</c>, <c>sweep.*</c> params), and of the tags only the few a reader scans for.
/// </summary>
internal sealed record RunColumns(string? SelectionMetric, IReadOnlyList<string> Metrics, IReadOnlyList<string> Params, IReadOnlyList<string> Tags, IReadOnlySet<string> Hidden)
{
    private const int MaxPerGroup = 40;

    // Tags every run carries that either repeat a column (name, parent) or are too long for a cell.
    private static readonly HashSet<string> NeverTags = new(StringComparer.Ordinal)
    {
        SystemTags.RunName, SystemTags.ParentRunId, "mlflow.log-model.history", "mlflow.note.content",
    };

    private static readonly HashSet<string> ShownTags = new(StringComparer.Ordinal) { "pipeline.gates", SystemTags.GitCommit };

    /// <summary>The groups in display order, each with its key prefix (as the search grammar spells it).</summary>
    public IEnumerable<(string Group, string Prefix, IReadOnlyList<string> Keys)> Groups()
    {
        yield return ("Metrics", "metrics", Metrics);
        yield return ("Parameters", "params", Params);
        yield return ("Tags", "tags", Tags);
    }

    public bool IsShown(string prefixedKey) => !Hidden.Contains(prefixedKey);

    /// <summary>
    /// The columns of <paramref name="runs"/>; <paramref name="chosen"/> is the URL's choice of shown keys (null: defaults).
    /// </summary>
    public static RunColumns Of(IReadOnlyList<Run> runs, string? selectionMetric, IReadOnlyCollection<string>? chosen)
    {
        var metrics = runs.SelectMany(r => r.Data.Metrics.Select(m => m.Key)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (selectionMetric is not null && metrics.Remove(selectionMetric))
            metrics.Insert(0, selectionMetric);
        var parameters = runs.SelectMany(r => r.Data.Params.Select(p => p.Key)).Distinct()
            .OrderBy(k => IsBookkeeping(k) ? 1 : 0).ThenBy(k => k, StringComparer.Ordinal).Take(MaxPerGroup).ToList();
        var tags = runs.SelectMany(r => r.Data.Tags.Select(t => t.Key)).Where(k => !NeverTags.Contains(k)).Distinct()
            .Order(StringComparer.Ordinal).Take(MaxPerGroup).ToList();
        metrics = metrics.Take(MaxPerGroup).ToList();

        var all = metrics.Select(k => $"metrics.{k}").Concat(parameters.Select(k => $"params.{k}")).Concat(tags.Select(k => $"tags.{k}"));
        var hidden = chosen is null
            ? all.Where(k => (k.StartsWith("params.", StringComparison.Ordinal) && IsBookkeeping(k["params.".Length..]))
                || (k.StartsWith("tags.", StringComparison.Ordinal) && !ShownTags.Contains(k["tags.".Length..]))).ToHashSet(StringComparer.Ordinal)
            : all.Where(k => !chosen.Contains(k)).ToHashSet(StringComparer.Ordinal);
        return new RunColumns(selectionMetric, metrics, parameters, tags, hidden);
    }

    // The pipeline run's dataset and sweep settings: one value per pipeline, not what a reader compares trials by.
    private static bool IsBookkeeping(string param) =>
        param.StartsWith("data.", StringComparison.Ordinal) || param.StartsWith("sweep.", StringComparison.Ordinal);
}
