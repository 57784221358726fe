using System.Text.RegularExpressions;
using Pipeline.Tracking;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Server.Dashboard;

/// <summary>
/// Which of a run's tag values are ids worth a link: a value shaped like a run id (32 hex digits) that names a run in the
/// store links to that run's page; a <c>models:/name/version</c> URI links to the version's page.
/// </summary>
internal sealed partial class TagLinks
{
    private const int MaxLookups = 20;
    private readonly HashSet<string> _runIds;

    private TagLinks(HashSet<string> runIds) => _runIds = runIds;

    public static Task<TagLinks> ResolveAsync(ITrackingStore store, Run run, CancellationToken ct) =>
        ResolveAsync(store, run.Data.Tags.Select(t => t.Value), ct);

    /// <summary>Finds which of <paramref name="values"/> name existing runs (a model version's tags, say), at most 20 look-ups.</summary>
    public static async Task<TagLinks> ResolveAsync(ITrackingStore store, IEnumerable<string> values, CancellationToken ct)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in values.Where(v => RunId().IsMatch(v)).Distinct(StringComparer.Ordinal).Take(MaxLookups))
        {
            try
            {
                await store.GetRunAsync(candidate, ct);
                found.Add(candidate);
            }
            catch (TrackingException e) when (e.Code == ErrorCode.ResourceDoesNotExist)
            {
                // 32 hex digits that name no run (a digest, a deleted-for-good run): plain text.
            }
        }

        return new TagLinks(found);
    }

    public void Write(HtmlBuilder html, string key, string value)
    {
        if (_runIds.Contains(value))
        {
            html.Link($"/runs/{value}", value);
            return;
        }

        var model = ModelUri().Match(value);
        if (model.Success)
            html.Link($"/models/{HtmlBuilder.Query(model.Groups[1].Value)}/versions/{model.Groups[2].Value}", value);
        else
            html.Text(value);
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex RunId();

    [GeneratedRegex("^models:/([^/@]+)/([0-9]+)$")]
    private static partial Regex ModelUri();
}
