using System.Globalization;
using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages;
using Pipeline.Tracking.Entities;

namespace Pipeline.Stages.Reporting;

/// <summary>Turns the runs' params, metrics and tags into the report's parts.</summary>
public sealed partial class PipelineReportReader
{
    // Counts are in every classifier's metric set but say little averaged over folds; the table leaves them out.
    private static readonly HashSet<string> Counts = ["true_negatives", "false_positives", "false_negatives", "true_positives", "example_count"];

    private const string StdSuffix = "_std";

    private static ReportDataset? Dataset(Run pipelineRun)
    {
        var source = pipelineRun.Inputs.FirstOrDefault(i => i.Tags.Any(t => t.Key == SystemTags.DatasetContext && t.Value == "source"))
            ?? pipelineRun.Inputs.FirstOrDefault();
        var digest = source?.Dataset.Digest ?? pipelineRun.Data.Param("data.digest");
        if (digest is null)
            return null;
        var data = pipelineRun.Data;
        return new ReportDataset(source?.Dataset.Name ?? "dataset", digest, data.Param("data.path"),
            Count(data.Metric("data.rows")), Count(data.Metric("data.train_rows")), Count(data.Metric("data.test_rows")));
    }

    private static ReportSweep Sweep(PipelineSpec spec, Run sweepRun, IReadOnlyList<Run> trialRuns)
    {
        var trials = trialRuns.Select(Trial).OrderBy(t => t.Index).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
        var keyMetrics = new[] { spec.Select.Metric }.Concat(spec.Evaluate.Gates.Select(g => g.Metric)).Distinct().ToList();
        var catalog = new DefaultMetricCatalog().MetricsFor(spec.Data.Task).Select(m => m.Name).Where(n => !Counts.Contains(n));
        var logged = trials.SelectMany(t => t.Metrics.Keys).ToHashSet();
        var columns = keyMetrics.Concat(catalog.Where(logged.Contains)).Distinct().ToList();
        var data = sweepRun.Data;
        var bestRunId = data.Tag(PipelineTags.BestRunId);
        var winner = bestRunId is null ? null : new ReportWinner(bestRunId, data.Tag(PipelineTags.BestConfiguration) ?? "?", data.Metric("best_cv_score"));
        var folds = int.TryParse(data.Param("sweep.cv_folds"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var f) ? f : (int?)null;
        return new ReportSweep(sweepRun.Info.RunId, spec.Select.Metric, spec.Select.Direction, folds, keyMetrics, columns, trials, winner);
    }

    private static ReportTrial Trial(Run run)
    {
        var data = run.Data;
        var metrics = new Dictionary<string, CvMetric>(StringComparer.Ordinal);
        foreach (var metric in data.Metrics.Where(m => !m.Key.EndsWith(StdSuffix, StringComparison.Ordinal) && !m.Key.EndsWith("time_seconds", StringComparison.Ordinal)))
            metrics[metric.Key] = new CvMetric(metric.Value, data.Metric(metric.Key + StdSuffix));
        var index = int.TryParse(data.Tag(PipelineTags.TrialIndex), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue;
        return new ReportTrial(index, run.Info.RunId, run.Info.RunName, run.Info.Status,
            data.Tag(PipelineTags.TrialConfiguration) ?? run.Info.RunName,
            data.Params.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            metrics, data.Metric("fit_time_seconds"), data.Tag(PipelineTags.TrialError))
        {
            Pruned = data.Tag(Stages.Sweep.TrialStateTag.Key) == Stages.Sweep.TrialStateTag.Pruned,
        };
    }

    /// <summary>The gate tags, in the order the pipeline file declares the gates (others after, by name).</summary>
    private static IReadOnlyList<ReportGate> Gates(PipelineSpec spec, Run evaluation) =>
        evaluation.Data.Tags
            .Where(t => t.Key.StartsWith(PipelineTags.GatePrefix, StringComparison.Ordinal))
            .OrderBy(t => DeclaredPosition(spec, t.Key[PipelineTags.GatePrefix.Length..]))
            .ThenBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new ReportGate(t.Key[PipelineTags.GatePrefix.Length..], t.Value.StartsWith("passed", StringComparison.Ordinal), t.Value))
            .ToList();

    /// <summary>The evaluation's metrics in the order of MLflow's metric set for the task, others after by name.</summary>
    private static IReadOnlyList<KeyValuePair<string, double>> OrderedMetrics(PipelineSpec spec, Run evaluation)
    {
        var order = new DefaultMetricCatalog().MetricsFor(spec.Data.Task).Select(m => m.Name).ToList();
        return evaluation.Data.Metrics
            .OrderBy(m => order.IndexOf(m.Key) is var i && i >= 0 ? i : int.MaxValue)
            .ThenBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => KeyValuePair.Create(m.Key, m.Value))
            .ToList();
    }

    private static int DeclaredPosition(PipelineSpec spec, string metric)
    {
        var index = spec.Evaluate.Gates.Select(g => g.Metric).ToList().IndexOf(metric);
        return index < 0 ? int.MaxValue : index;
    }

    private static long? Count(double? value) => value is { } v && !double.IsNaN(v) ? (long)v : null;
}
