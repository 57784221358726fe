using System.Globalization;
using Pipeline.Ml.Data;
using Pipeline.Stages.Running;
using Pipeline.Stages.Spec;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Runs;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Stages.PrepareData;

/// <summary>What prepare-data reads: the data section of the pipeline file.</summary>
/// <param name="Data">The <c>data:</c> section.</param>
/// <param name="ExperimentId">The experiment the pipeline run goes in.</param>
/// <param name="PipelineFile">The pipeline file as recorded (<c>pipeline.file</c>).</param>
/// <param name="ExecutionId">Recorded as <c>pipeline.execution_id</c> on the pipeline run; null records none.</param>
/// <param name="RunId">The pipeline run's id on stores that take one (<see cref="Tracking.Stores.IRunIdAssigningStore"/>); null lets the store choose.</param>
public sealed record PrepareDataInput(DataSpec Data, string ExperimentId, string PipelineFile, string? ExecutionId = null, string? RunId = null);

/// <summary>What prepare-data leaves: the pipeline run holding the dataset record and the split files.</summary>
public sealed record PrepareDataOutput(string PipelineRunId, string Digest, int TrainRows, int TestRows);

/// <summary>
/// Loads and validates the CSV, splits it with the declared seed (stratified for classification), and records
/// the dataset (name, digest, source, schema, row counts) on a new pipeline run with the split files as artifacts.
/// The same data and seed always give the same split; a split pinned by a test file or a split column is taken as it is
/// (see <see cref="PreparedDataset"/>).
/// </summary>
public sealed class PrepareDataStage(TrackingClient tracking, ITrackingStore store, IStageReporter reporter)
{
    /// <summary>Artifact paths of the splits on the pipeline run.</summary>
    public const string TrainArtifact = "data/train.csv";
    public const string TestArtifact = "data/test.csv";

    /// <summary>The <c>mlflow.data.context</c> of the test split's dataset record.</summary>
    public const string TestingContext = "testing";

    /// <summary>The <c>mlflow.data.context</c> of the training split's dataset record.</summary>
    public const string TrainingContext = "training";

    /// <summary>The <c>mlflow.data.context</c> of the whole data set's record.</summary>
    public const string SourceContext = "source";

    public async Task<PrepareDataOutput> RunAsync(PrepareDataInput input, CancellationToken ct = default)
    {
        var data = input.Data;
        var dataset = PreparedDataset.Load(data);
        var (table, split, digest) = (dataset.All, dataset.Split, dataset.Digest);
        var name = Path.GetFileNameWithoutExtension(data.Path);
        reporter.Info($"Loaded {name}: {table.RowCount} rows, {table.FeatureNames.Count} features, digest {digest}; split {split.Train.RowCount} train / {split.Test.RowCount} test ({dataset.SplitDescription}).");

        var tags = new Dictionary<string, string>
        {
            [PipelineTags.Role] = PipelineTags.RolePipeline,
            [PipelineTags.PipelineFile] = input.PipelineFile,
        };
        if (input.ExecutionId is not null)
            tags[PipelineTags.ExecutionId] = input.ExecutionId;
        await using var run = await tracking.StartRunAsync(input.ExperimentId, "pipeline", tags: tags, ct: ct, runId: input.RunId);
        // Named after the experiment, its start and the commit, so that reruns can be told apart in a runs table.
        var experiment = await store.GetExperimentAsync(input.ExperimentId, ct);
        await run.SetTagAsync(SystemTags.RunName, PipelineRunName(experiment.Name, run.Info.StartTime, tracking.Context.Git.Commit), ct);
        await run.LogParamsAsync(Params(data, digest), ct);
        await run.LogMetricsAsync(new Dictionary<string, double>
        {
            ["data.rows"] = table.RowCount,
            ["data.train_rows"] = split.Train.RowCount,
            ["data.test_rows"] = split.Test.RowCount,
        }, ct: ct);

        var source = DatasetRecords.Source(data.Path);
        await store.LogInputsAsync(run.RunId,
        [
            DatasetRecords.Input(name, table, digest, source, SourceContext),
            DatasetRecords.Input($"{name}-train", split.Train, dataset.TrainDigest, source, TrainingContext),
            DatasetRecords.Input($"{name}-test", split.Test, dataset.TestDigest,
                data.TestPath is null ? source : DatasetRecords.Source(data.TestPath), TestingContext),
        ], ct);

        using var scratch = new ScratchFolder("prepare");
        CsvDataWriter.Write(split.Train, scratch.File("train.csv"));
        CsvDataWriter.Write(split.Test, scratch.File("test.csv"));
        var train = await run.LogArtifactAsync(scratch.File("train.csv"), "data", ct);
        var test = await run.LogArtifactAsync(scratch.File("test.csv"), "data", ct);
        await run.SetTagAsync(PipelineTags.ArtifactSha256Prefix + train.Path, train.Sha256, ct);
        await run.SetTagAsync(PipelineTags.ArtifactSha256Prefix + test.Path, test.Sha256, ct);
        await run.EndAsync(RunStatus.Finished, ct);

        reporter.Info($"Pipeline run {run.RunId}: dataset recorded, splits logged as {TrainArtifact} and {TestArtifact}.");
        return new PrepareDataOutput(run.RunId, digest, split.Train.RowCount, split.Test.RowCount);
    }

    /// <summary>The pipeline run's name: <c>breast-cancer 2026-12-02 16:39 3f2a9c0</c> (UTC start; the commit when known).</summary>
    public static string PipelineRunName(string experiment, long startTimeMs, string? commit) =>
        string.Create(CultureInfo.InvariantCulture, $"{experiment} {DateTimeOffset.FromUnixTimeMilliseconds(startTimeMs).UtcDateTime:yyyy-MM-dd HH:mm}")
        + (commit is { Length: >= 7 } ? $" {commit[..7]}" : "");

    /// <summary>The data section as params: how the split was made (drawn or pinned) and the digest of the whole data.</summary>
    private static Dictionary<string, string> Params(DataSpec data, string digest)
    {
        var values = new Dictionary<string, string>
        {
            ["data.path"] = data.Path,
            ["data.label"] = data.Label,
            ["data.task"] = data.Task.ToYamlName(),
            ["data.digest"] = digest,
        };
        if (data.TestPath is { } testPath)
            values["data.test_path"] = testPath;
        else if (data.SplitColumn is { } column)
            values["data.split_column"] = column;
        else
        {
            values["data.test_fraction"] = data.TestFraction.ToString("R", CultureInfo.InvariantCulture);
            values["data.stratify"] = data.Stratify ? "true" : "false";
            values["data.seed"] = data.Seed.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }
}
