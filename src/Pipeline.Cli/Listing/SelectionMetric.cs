using Pipeline.Stages.Stages;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Cli.Listing;

/// <summary>
/// The metric an experiment's sweeps are ranked by, read from the <c>pipeline.selected_by</c> tag (e.g.
/// <c>roc_auc (maximize)</c>) that the select stage records on its sweep run. The tag, not the pipeline file: the CLI
/// lists runs of any store (a CI runner or a laptop pointed at a tracking server need no checkout), and the tag says
/// what selection actually used when it ran, even after the file changed.
/// </summary>
internal sealed record SelectionMetric(string Key, bool Maximize)
{
    /// <summary>Reads <c>"roc_auc (maximize)"</c>; null when the value is missing or not in that form.</summary>
    public static SelectionMetric? Parse(string? tagValue)
    {
        if (string.IsNullOrWhiteSpace(tagValue))
            return null;
        var open = tagValue.LastIndexOf(" (", StringComparison.Ordinal);
        if (open <= 0 || !tagValue.EndsWith(')'))
            return new SelectionMetric(tagValue.Trim(), Maximize: true);
        var direction = tagValue[(open + 2)..^1];
        return new SelectionMetric(tagValue[..open], !string.Equals(direction, "minimize", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The tag on <paramref name="runs"/> (in order, which finds a listed sweep run), else on the newest run of the
    /// experiment that has it (one search); null when no select stage has run there.
    /// </summary>
    public static async Task<SelectionMetric?> FindAsync(ITrackingStore store, string experimentId, IReadOnlyList<Run> runs, CancellationToken ct)
    {
        if (runs.Select(r => Parse(r.Data.Tag(PipelineTags.SelectedBy))).FirstOrDefault(m => m is not null) is { } onPage)
            return onPage;
        var tagged = await store.SearchRunsAsync(new RunQuery([experimentId], $"tags.`{PipelineTags.SelectedBy}` LIKE '%'", ViewType.ActiveOnly, 1,
            ["attributes.start_time DESC"]), ct);
        return tagged.Items.Select(r => Parse(r.Data.Tag(PipelineTags.SelectedBy))).FirstOrDefault(m => m is not null);
    }
}
