using Pipeline.Ml.Data;
using Pipeline.Stages.Running;
using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages;
using Pipeline.Stages.Stages.PrepareData;
using Pipeline.Tracking.Entities;

namespace Pipeline.Stages.Reproduction;

public sealed partial class RunReproducer
{
    /// <summary>
    /// Puts the run's data where the checked-out pipeline file expects it, loads the file's spec, and verifies the data
    /// by the digests the pipeline run recorded (the whole data set, and the train and test splits).
    /// </summary>
    private Task<PipelineSpec> PrepareDataAsync(RecordedRun recorded, ReproduceOptions options, CommitCheckout checkout, string pipelineFile)
    {
        var run = recorded.PipelineRun;
        var dataSource = PlaceFile(recorded, checkout, pipelineFile, run.Data.Param("data.path"), options.DataPath, "--data");
        var testSource = PlaceFile(recorded, checkout, pipelineFile, run.Data.Param("data.test_path"), options.TestDataPath, "--test-data");

        PipelineSpec spec;
        PreparedDataset dataset;
        try
        {
            spec = new PipelineSpecLoader(MlTrainerCatalog.Default, new DefaultMetricCatalog()).Load(pipelineFile);
            dataset = PreparedDataset.Load(spec.Data);
        }
        catch (Exception e) when (e is PipelineSpecException or DataFormatException)
        {
            throw new PipelineException($"the commit's pipeline file or data cannot be loaded: {e.Message}", e);
        }

        var name = Path.GetFileNameWithoutExtension(spec.Data.Path);
        var recordedDigest = run.Data.Param("data.digest");
        if (recordedDigest != dataset.Digest)
            throw new PipelineException(
                $"dataset digest mismatch: pipeline run {run.Info.RunId} recorded {name} with digest {recordedDigest ?? "(none)"}, " +
                $"but {dataSource}{(testSource is null ? "" : $" with {testSource}")} has digest {dataset.Digest}. " +
                "The data changed since the run; pass --data PATH (and --test-data for a test file) naming the file it used.");
        foreach (var (context, digest) in new[] { (PrepareDataStage.TrainingContext, dataset.TrainDigest), (PrepareDataStage.TestingContext, dataset.TestDigest) })
        {
            var recordedSplit = SplitDigest(run, context);
            if (recordedSplit is not null && recordedSplit != digest)
                throw new PipelineException(
                    $"{context} split digest mismatch: pipeline run {run.Info.RunId} recorded {recordedSplit}, the checked-out pipeline file splits {dataSource} into {digest}.");
        }

        reporter.Info($"Dataset {name}: digest {dataset.Digest} as recorded ({dataSource}); split {dataset.Split.Train.RowCount} train / {dataset.Split.Test.RowCount} test.");
        return Task.FromResult(spec);
    }

    /// <summary>
    /// Makes the data file the run recorded (<paramref name="recordedPath"/>) available in the checkout: a given copy
    /// (<paramref name="given"/>) replaces it; else the commit's own file is used; else the file at the recorded path is
    /// copied in. Returns a description of the source for messages, or null when the run recorded no such file.
    /// </summary>
    private static string? PlaceFile(RecordedRun recorded, CommitCheckout checkout, string pipelineFile, string? recordedPath, string? given, string option)
    {
        if (recordedPath is null) return null;
        var relative = Path.GetRelativePath(Path.GetDirectoryName(recorded.SourceName)!, recordedPath);
        var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(pipelineFile)!, relative));
        var inside = Path.GetRelativePath(checkout.Path, target);
        if (inside.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(inside))
            throw new PipelineException($"the run's data file {recordedPath} lies outside its repository, so the checked-out pipeline file cannot find it; move it into the repository.");

        string source;
        if (given is not null)
            source = Path.GetFullPath(given);
        else if (File.Exists(target))
            return $"{inside.Replace('\\', '/')} in commit {recorded.Commit[..12]}";
        else
            source = recordedPath;

        if (!File.Exists(source))
            throw new PipelineException(given is not null
                ? $"{option} {given}: file not found."
                : $"the run's data file {recordedPath} is neither in commit {recorded.Commit[..12]} nor at its recorded path; pass {option} PATH naming a copy.");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target, overwrite: true);
        return source;
    }

    private static string? SplitDigest(Run pipelineRun, string context) =>
        pipelineRun.Inputs.FirstOrDefault(i => i.Tags.Any(t => t.Key == SystemTags.DatasetContext && t.Value == context))?.Dataset.Digest;
}
