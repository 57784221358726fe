using System.Globalization;
using Pipeline.Ml.Data;
using Pipeline.Ml.Reports;
using Pipeline.Ml.Training;
using Pipeline.Stages.Running;
using Pipeline.Stages.Spec;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Runs;

namespace Pipeline.Stages.Stages.Evaluate;

/// <summary>
/// What evaluate reads: the gates, the selected model file and the held-out test split; <paramref name="TestDataset"/>
/// is the split's dataset record (as PrepareData logged it), logged as the evaluation run's input when given;
/// <paramref name="Baselines"/> are the alias holders baseline gates compare with (none when no gate names one).
/// </summary>
public sealed record EvaluateInput(
    EvaluateSpec Evaluate, string ModelFile, IReadOnlyList<double> ClassValues, DataTable Test,
    string ExperimentId, string PipelineRunId, string SweepRunId, string PipelineFile, Dataset? TestDataset = null,
    GateBaselines? Baselines = null);

/// <summary>The evaluation run, its test metrics and the verdict of every gate.</summary>
public sealed record EvaluateOutput(string EvaluationRunId, IReadOnlyDictionary<string, double> Metrics, IReadOnlyList<GateVerdict> Gates)
{
    public bool Passed => Gates.All(g => g.Passed);
}

/// <summary>
/// Scores the selected model on the held-out test split, logs the full metric set and MLflow's evaluation plots
/// (with their curve data as JSON) on an evaluation run, then checks the declared gates. The metrics are logged
/// before the verdict, so a failed gate still leaves the evidence in the store.
/// </summary>
public sealed class EvaluateStage(TrackingClient tracking, IStageReporter reporter)
{
    public async Task<EvaluateOutput> RunAsync(EvaluateInput input, CancellationToken ct = default)
    {
        var model = ModelTrainer.Load(input.ModelFile, out _);
        var predictions = new ModelTrainer().Predict(model, input.Test, input.ClassValues);

        await using var run = await tracking.StartRunAsync(input.ExperimentId, "evaluate", input.PipelineRunId, new Dictionary<string, string>
        {
            [PipelineTags.Role] = PipelineTags.RoleEvaluation,
            [PipelineTags.PipelineFile] = input.PipelineFile,
            [PipelineTags.EvaluatedRunId] = input.SweepRunId,
        }, ct);
        // As mlflow.evaluate logs its data on the evaluation run: without a context tag unless a metric prefix is set.
        if (input.TestDataset is { } dataset)
            await run.LogInputsAsync([new DatasetInput(dataset, [])], ct);
        using var scratch = new ScratchFolder("evaluate");
        var report = new EvaluationReportWriter().Write(predictions, scratch.Path);
        var metrics = report.Metrics.ToDictionary(m => m.Key, m => m.Value);
        await run.LogMetricsAsync(metrics, ct: ct);
        await run.LogArtifactsAsync(scratch.Path, null, ct);
        reporter.Info($"Evaluated on {input.Test.RowCount} held-out rows (run {run.RunId}): " +
            string.Join(", ", metrics.Select(m => $"{m.Key} = {m.Value.ToString("0.####", CultureInfo.InvariantCulture)}")));

        var verdicts = input.Evaluate.Gates.Select(g => GateVerdict.Check(g, metrics, input.Baselines)).ToList();
        // Two gates may bound the same metric (a range): the second and later ones get a numbered tag.
        var tags = new Dictionary<string, string>();
        foreach (var verdict in verdicts)
        {
            var key = PipelineTags.GatePrefix + verdict.Gate.Metric;
            for (var n = 2; tags.ContainsKey(key); n++)
                key = $"{PipelineTags.GatePrefix}{verdict.Gate.Metric}.{n}";
            tags[key] = verdict.ToString();
        }
        tags[PipelineTags.GateVerdict] = verdicts.All(v => v.Passed) ? "passed" : "failed";
        foreach (var (key, value) in tags)
            await run.SetTagAsync(key, value, ct);
        foreach (var verdict in verdicts)
            reporter.Info($"  gate {verdict}");
        await run.EndAsync(RunStatus.Finished, ct);
        return new EvaluateOutput(run.RunId, metrics, verdicts);
    }
}
