using System.Globalization;
using System.Text.Json;
using Pipeline.Ml.Data;
using Pipeline.Ml.Training;
using Pipeline.Stages.Running;
using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages.Sweep;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Stages.Select;

/// <summary>What select reads: the declared metric and direction, the sweep's finished trials and the training split.</summary>
public sealed record SelectInput(SelectSpec Select, TaskKind Task, int Seed, Run SweepRun, IReadOnlyList<Run> Trials, DataTable Train);

/// <summary>The winner: its run, its configuration, its cross-validated score, and where its refit model was logged.</summary>
public sealed record SelectOutput(string SweepRunId, string BestRunId, string Configuration, double Score, string ModelArtifactPath);

/// <summary>
/// Picks the best finished trial (see <see cref="TrialRanking"/>), tags the sweep run with it, refits the winning
/// configuration on the whole training split and logs that model on the sweep run.
/// </summary>
public sealed class SelectStage(ITrackingStore store, IStageReporter reporter, Tracking.Artifacts.ArtifactRepositoryRegistry artifacts, TimeProvider time)
{
    /// <summary>Where the refit model is logged on the sweep run.</summary>
    public const string ModelArtifact = "best_model/model.zip";

    /// <summary>On the sweep run: the class values of the training data, as JSON, so later stages map predictions back.</summary>
    public const string ClassValuesTag = "pipeline.class_values";

    public async Task<SelectOutput> RunAsync(SelectInput input, CancellationToken ct = default)
    {
        var finished = input.Trials
            .Where(t => t.Info.Status == RunStatus.Finished)
            .Select(t => new RankedTrial(TrialIndex(t), t.Info.RunId, t.Data.Metrics.ToDictionary(m => m.Key, m => m.Value)))
            .ToList();
        if (finished.Count == 0)
            throw new PipelineException($"Select: the sweep run {input.SweepRun.Info.RunId} has no finished trial to select from.");

        var ranking = new TrialRanking(input.Select, new DefaultMetricCatalog().MetricsFor(input.Task));
        var best = ranking.Rank(finished)[0];
        var bestRun = input.Trials.First(t => t.Info.RunId == best.RunId);
        var configuration = Reconfigure(bestRun, input.Task, input.Seed);
        var description = bestRun.Data.Tag(PipelineTags.TrialConfiguration) ?? configuration.Trainer;
        var score = best.Metrics.GetValueOrDefault(input.Select.Metric, double.NaN);
        reporter.Info($"Selected {description} (run {best.RunId}): {input.Select.Metric} = {score.ToString("F4", CultureInfo.InvariantCulture)} over {finished.Count} finished trials.");

        var model = new ModelTrainer().Fit(input.Train, configuration);
        using var scratch = new ScratchFolder("select");
        ModelTrainer.Save(model, scratch.File("model.zip"));
        var sweepId = input.SweepRun.Info.RunId;
        var logged = await artifacts.Open(input.SweepRun.Info.ArtifactUri).LogFileAsync(scratch.File("model.zip"), Path.GetDirectoryName(ModelArtifact), ct);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await store.LogBatchAsync(sweepId,
            [new Metric("best_cv_score", score, now, 0)],
            [],
            [
                new RunTag(PipelineTags.BestRunId, best.RunId),
                new RunTag(PipelineTags.BestConfiguration, description),
                new RunTag(PipelineTags.BestModelPath, ModelArtifact),
                new RunTag(PipelineTags.ArtifactSha256Prefix + logged.Path, logged.Sha256),
                new RunTag(ClassValuesTag, JsonSerializer.Serialize(input.Train.ClassValues)),
                new RunTag(PipelineTags.SelectedBy, $"{input.Select.Metric} ({input.Select.Direction.ToYamlName()})"),
            ], ct);
        reporter.Info($"Refit on {input.Train.RowCount} training rows in {model.FitTime.TotalSeconds:F2} s; logged as {ModelArtifact} on sweep run {sweepId}.");
        return new SelectOutput(sweepId, best.RunId, description, score, ModelArtifact);
    }

    /// <summary>Rebuilds a trial's trainer configuration from the params it logged.</summary>
    public static TrainerConfiguration Reconfigure(Run trial, TaskKind task, int seed)
    {
        var trainer = trial.Data.Param(TrialRunner.TrainerParam)
            ?? throw new PipelineException($"Run {trial.Info.RunId} has no '{TrialRunner.TrainerParam}' param: it is not a trial of this pipeline.");
        var values = trial.Data.Params
            .Where(p => p.Key != TrialRunner.TrainerParam)
            .ToDictionary(p => p.Key, p => (object?)p.Value);
        return TrainerCatalog.Default.Resolve(task, trainer, values, seed);
    }

    private static int TrialIndex(Run run) =>
        int.TryParse(run.Data.Tag(PipelineTags.TrialIndex), NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) ? index : int.MaxValue;
}
