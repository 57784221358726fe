using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;

namespace Pipeline.Stages.Monitoring;

/// <summary>
/// <c>pipeline monitor compare</c>'s core: evaluates each version's joined rows with the evaluate stage's metrics and
/// bootstraps the difference of one metric between the champion and each other version.
/// </summary>
public static class LiveComparison
{
    /// <summary>Compares the versions of <paramref name="join"/>.</summary>
    /// <exception cref="InvalidOperationException">The task does not fit the values, or the metric is not one the task has.</exception>
    public static ComparisonReport Compare(JoinResult join, CompareOptions options, int emptyLabels = 0, int skippedLogLines = 0, int logSources = 0)
    {
        ArgumentNullException.ThrowIfNull(join);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Resamples < 1)
            throw new InvalidOperationException($"--resamples must be at least 1, got {options.Resamples}.");
        if (!(options.Confidence is > 0 and < 1))
            throw new InvalidOperationException($"--confidence must be between 0 and 1, got {options.Confidence}.");
        var rows = join.Versions.SelectMany(v => v.Rows).ToList();
        var task = options.Task ?? DetectTask(rows);
        var classes = task == TaskKind.Regression
            ? []
            : LabelValue.SortClasses(rows.Select(r => r.Label).Concat(rows.Where(r => r.Prediction is not null).Select(r => r.Prediction!)));
        if (task == TaskKind.Binary && classes.Count > 2)
            throw new InvalidOperationException(
                $"--task binary_classification, but the labels and predictions hold {classes.Count} classes ({string.Join(", ", classes.Take(5))}...).");
        // With probabilities, the model's classes are as many as each row's probabilities, even when traffic saw fewer.
        if (task != TaskKind.Regression && rows.FirstOrDefault(r => r.Probabilities is not null)?.Probabilities is { } first &&
            first.Count > classes.Count && classes.All(c => LabelValue.TryNumber(c, out var n) && n == Math.Floor(n) && n >= 0 && n < first.Count))
            classes = Enumerable.Range(0, first.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var arrays = join.Versions.Select(v => new PredictionArrays(task, classes, v.Rows)).ToList();
        var versions = join.Versions.Select((v, i) => new VersionMetrics(v.Version, v.Role, v.LoggedRows, v.Rows.Count, v.UnlabelledRows,
            v.Rows.Count == 0 ? new MetricSet([]) : ModelEvaluator.Evaluate(arrays[i].Subset()))).ToList();
        var metric = options.Metric ?? (task == TaskKind.Regression ? MetricNames.RootMeanSquaredError : MetricNames.Accuracy);
        var known = versions.FirstOrDefault(v => v.Metrics.Count > 0)?.Metrics;
        if (known is not null && versions.Where(v => v.Metrics.Count > 0).Any(v => !v.Metrics.TryGet(metric, out _)))
            throw new InvalidOperationException(
                $"no metric '{metric}' on this traffic; known: {string.Join(", ", known.Names)}" +
                (metric is MetricNames.RocAuc or MetricNames.LogLoss or MetricNames.PrecisionRecallAuc ? " (it needs probabilities: requests with \"params\": {\"predict_proba\": true})." : "."));

        var differences = new List<BootstrapDifference>();
        for (var i = 1; i < versions.Count; i++)
        {
            if (versions[0].JoinedRows > 0 && versions[i].JoinedRows > 0)
                differences.Add(Bootstrap.Difference(metric, join.Versions[0], arrays[0], join.Versions[i], arrays[i], options.Resamples, options.Seed, options.Confidence));
        }

        return new ComparisonReport(task, metric, versions, differences, join.Labels, emptyLabels, join.UnmatchedLabels, join.DuplicateLabels,
            join.DuplicatePredictions, skippedLogLines, logSources);
    }

    /// <summary>Classification when the log holds probabilities or every prediction is text or a whole number.</summary>
    internal static TaskKind DetectTask(IReadOnlyList<JoinedRow> rows)
    {
        var regression = rows.Count > 0 && rows.All(r => r.Probabilities is null) &&
            rows.Any(r => r.Prediction is { } p && LabelValue.TryNumber(p, out var n) && n != Math.Floor(n));
        if (regression)
            return TaskKind.Regression;
        var classes = rows.Select(r => r.Label).Concat(rows.Where(r => r.Prediction is not null).Select(r => r.Prediction!)).Distinct().Count();
        var probabilityWidth = rows.FirstOrDefault(r => r.Probabilities is not null)?.Probabilities?.Count ?? 0;
        return Math.Max(classes, probabilityWidth) > 2 ? TaskKind.Multiclass : TaskKind.Binary;
    }
}
