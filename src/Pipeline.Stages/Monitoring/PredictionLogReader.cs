using Pipeline.Stages.Stages;
using Pipeline.Tracking;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Monitoring;

/// <summary>
/// Reads what <c>pipeline serve --log-predictions</c> wrote: the <c>*.jsonl</c> files of a folder, or the
/// <c>predictions/predictions.jsonl</c> artifact of each inference run (<c>pipeline.role = inference</c>) in the tracking
/// store's inference experiment, keeping the rows <see cref="LogSelection"/> names.
/// </summary>
public static class PredictionLogReader
{
    /// <summary>The artifact path of an inference run's lines (as the scoring server writes it).</summary>
    public const string InferenceArtifact = "predictions/predictions.jsonl";

    /// <summary>The role tag value of inference runs.</summary>
    public const string InferenceRole = "inference";

    /// <summary>Reads every <c>*.jsonl</c> file in <paramref name="folder"/> (and below), oldest name first.</summary>
    /// <exception cref="DirectoryNotFoundException">No such folder.</exception>
    public static async Task<LoggedRows> ReadFolderAsync(string folder, IReadOnlyList<string> features, LogSelection selection, CancellationToken ct = default)
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"There is no prediction log folder at {Path.GetFullPath(folder)} (--log).");
        var collector = new LoggedRowCollector(features, selection);
        var files = Directory.EnumerateFiles(folder, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        foreach (var file in files)
        {
            // FileShare.ReadWrite: the server may still be appending to the newest file.
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            await collector.AddAsync(stream, ct);
        }

        return collector.Build(files.Length);
    }

    /// <summary>Reads the inference runs of <paramref name="experiment"/> whose period overlaps the window.</summary>
    /// <exception cref="TrackingException">No such experiment (RESOURCE_DOES_NOT_EXIST), or the store fails.</exception>
    public static async Task<LoggedRows> ReadTrackingAsync(
        ITrackingStore store, ArtifactRepositoryRegistry artifacts, string experiment, IReadOnlyList<string> features, LogSelection selection,
        CancellationToken ct = default)
    {
        var found = await store.GetExperimentByNameAsync(experiment, ct)
            ?? throw new TrackingException(ErrorCode.ResourceDoesNotExist,
                $"The tracking store has no experiment '{experiment}': no inference runs were logged there (pipeline serve --log-predictions tracking --log-experiment {experiment}).");
        var filter = $"tags.`{PipelineTags.Role}` = '{InferenceRole}' and attributes.status = 'FINISHED'";
        // A period's run starts when its first row is logged and ends when it is published: it can hold rows of the window
        // only if it started before the window ends.
        if (selection.Window.Until is { } until)
            filter += $" and attributes.start_time < {until.ToUnixTimeMilliseconds()}";
        var collector = new LoggedRowCollector(features, selection);
        var sources = 0;
        string? token = null;
        do
        {
            var page = await store.SearchRunsAsync(new RunQuery([found.ExperimentId], filter, OrderBy: ["attributes.start_time ASC"], PageToken: token), ct);
            foreach (var run in page.Items)
            {
                if (selection.Window.Since is { } since && run.Info.EndTime is { } end && end < since.ToUnixTimeMilliseconds())
                    continue;
                await using var stream = await artifacts.Open(run.Info.ArtifactUri).OpenReadAsync(InferenceArtifact, ct);
                await collector.AddAsync(stream, ct);
                sources++;
            }

            token = page.NextPageToken;
        }
        while (token is not null);
        return collector.Build(sources);
    }
}
