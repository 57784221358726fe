using Pipeline.Ml.Data;
using Pipeline.Tracking;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Monitoring;

/// <summary>
/// Reads the prediction log back: the JSON Lines files of a <c>--log-predictions DIR</c> folder, or the
/// <c>predictions/predictions.jsonl</c> artifacts of the inference runs <c>--log-predictions tracking</c> wrote. Lines
/// without an answered row (refused requests) are counted in <see cref="SkippedLines"/>.
/// </summary>
public sealed class LoggedPredictionReader
{
    /// <summary>The tag and value that mark an inference run (as the scoring server writes them).</summary>
    public const string RoleTag = "pipeline.role";

    /// <summary>The value of <see cref="RoleTag"/> on inference runs.</summary>
    public const string InferenceRole = "inference";

    /// <summary>The artifact holding an inference run's lines.</summary>
    public const string ArtifactPath = "predictions/predictions.jsonl";

    /// <summary>Lines read that record no answered row (refused requests).</summary>
    public int SkippedLines { get; private set; }

    /// <summary>Files or runs read.</summary>
    public int Sources { get; private set; }

    /// <summary>The answered rows of every <c>*.jsonl</c> file in <paramref name="directory"/>, oldest file first.</summary>
    /// <exception cref="DirectoryNotFoundException">No such folder.</exception>
    /// <exception cref="DataFormatException">A line that is not a log line, naming the file and line.</exception>
    public IEnumerable<LoggedPrediction> ReadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"the prediction log folder '{directory}' does not exist.");
        foreach (var file in Directory.EnumerateFiles(directory, "*.jsonl", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
        {
            Sources++;
            using var reader = new StreamReader(file);
            foreach (var prediction in ReadLines(reader, file))
                yield return prediction;
        }
    }

    /// <summary>The answered rows of the inference runs in <paramref name="experimentName"/>, oldest run first.</summary>
    /// <exception cref="TrackingException">No such experiment (<see cref="ErrorCode.ResourceDoesNotExist"/>).</exception>
    public async Task<IReadOnlyList<LoggedPrediction>> ReadTrackingAsync(
        ITrackingStore store, ArtifactRepositoryRegistry artifacts, string experimentName, CancellationToken ct)
    {
        var experiment = await store.GetExperimentByNameAsync(experimentName, ct)
            ?? throw new TrackingException(ErrorCode.ResourceDoesNotExist,
                $"no experiment '{experimentName}' in the tracking store: the server logs to it with --log-predictions tracking (--log-experiment names another).");
        var runs = new List<Run>();
        string? page = null;
        do
        {
            var found = await store.SearchRunsAsync(new RunQuery([experiment.ExperimentId], OrderBy: ["attributes.start_time ASC"], PageToken: page), ct);
            runs.AddRange(found.Items.Where(r => r.Data.Tag(RoleTag) == InferenceRole));
            page = found.NextPageToken;
        }
        while (!string.IsNullOrEmpty(page));

        var predictions = new List<LoggedPrediction>();
        foreach (var run in runs)
        {
            Sources++;
            await using var stream = await artifacts.Open(run.Info.ArtifactUri).OpenReadAsync(ArtifactPath, ct);
            using var reader = new StreamReader(stream);
            predictions.AddRange(ReadLines(reader, $"run {run.Info.RunId} {ArtifactPath}"));
        }

        return predictions;
    }

    private IEnumerable<LoggedPrediction> ReadLines(StreamReader reader, string source)
    {
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0)
                continue;
            if (PredictionLogLine.Parse(line, source, number) is { } prediction)
                yield return prediction;
            else
                SkippedLines++;
        }
    }
}
