using Pipeline.Tracking;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Server.Dashboard;

/// <summary>
/// The metric an experiment's runs are judged by: the one its sweeps select by (tag <c>pipeline.selected_by</c>, e.g.
/// <c>roc_auc (maximize)</c>) on a run of the page, else on the experiment's latest run that has the tag.
/// </summary>
internal static class SelectionMetric
{
    public const string Tag = "pipeline.selected_by";

    public static async Task<string?> FindAsync(ITrackingStore store, string experimentId, IReadOnlyList<Run> page, CancellationToken ct)
    {
        if (page.Select(r => r.Data.Tag(Tag)).OfType<string>().Select(KeyOf).FirstOrDefault(k => k is not null) is { } onPage)
            return onPage;
        if (page.Count == 0)
            return null;
        try
        {
            // A filtered page may hold only trials; the sweep run that names the metric is one indexed query away.
            var tagged = await store.SearchRunsAsync(new RunQuery([experimentId], $"tags.`{Tag}` LIKE '%'", MaxResults: 1), ct);
            return tagged.Items.Select(r => r.Data.Tag(Tag)).OfType<string>().Select(KeyOf).FirstOrDefault(k => k is not null);
        }
        catch (TrackingException)
        {
            return null;
        }
    }

    /// <summary>The metric key of a <c>pipeline.selected_by</c> value: its first word.</summary>
    public static string? KeyOf(string selectedBy) => selectedBy.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
}
