using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;

namespace Pipeline.Ml.Training;

/// <summary>
/// K-fold cross-validation on a training table: stratified folds from <see cref="DataSplitter.KFold"/>
/// seeded with the configuration's seed, a fit per fold, and MLflow's metric set on each held-out fold.
/// Each fold keeps its held-out predictions (<see cref="CrossValidationResult.OutOfFoldPredictions"/>).
/// </summary>
public sealed class CrossValidator
{
    private readonly ModelTrainer _trainer;
    private readonly TimeProvider _time;

    /// <summary>Creates a cross-validator over a trainer (default a new <see cref="ModelTrainer"/>) and a clock.</summary>
    public CrossValidator(ModelTrainer? trainer = null, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _trainer = trainer ?? new ModelTrainer(time: _time);
    }

    /// <summary>Runs cross-validation with <paramref name="folds"/> folds (default 5).</summary>
    public CrossValidationResult Run(DataTable train, TrainerConfiguration configuration, int folds = 5)
    {
        var started = _time.GetTimestamp();
        var results = Folds(train, configuration, folds).ToList();
        return Summarize(results, _time.GetElapsedTime(started));
    }

    /// <summary>
    /// The folds one at a time, each fitted and scored when enumerated, so that a caller can report after each
    /// fold and stop early (pruning) by not enumerating further.
    /// </summary>
    public IEnumerable<FoldResult> Folds(DataTable train, TrainerConfiguration configuration, int folds = 5)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var fold in DataSplitter.KFold(train, folds, configuration.Seed))
        {
            var model = _trainer.Fit(train.Subset(fold.TrainRows), configuration);
            var predictions = _trainer.Predict(model, train.Subset(fold.ValidationRows));
            yield return new FoldResult(fold.Index, fold.TrainRows.Count, fold.ValidationRows.Count,
                ModelEvaluator.Evaluate(predictions), model.FitTime)
            {
                Predictions = predictions,
                ValidationRowIndices = fold.ValidationRows,
            };
        }
    }

    /// <summary>Mean and population standard deviation of every metric over <paramref name="results"/> (at least one fold).</summary>
    public static CrossValidationResult Summarize(IReadOnlyList<FoldResult> results, TimeSpan elapsed)
    {
        ArgumentOutOfRangeException.ThrowIfZero(results.Count);
        var names = results[0].Metrics.Names.ToArray();
        var mean = names.Select(n => new KeyValuePair<string, double>(n, results.Average(r => r.Metrics[n]))).ToArray();
        var std = names.Select((n, i) => new KeyValuePair<string, double>(
            n, Math.Sqrt(results.Average(r => Math.Pow(r.Metrics[n] - mean[i].Value, 2))))).ToArray();
        return new CrossValidationResult(
            results, new MetricSet(mean), new MetricSet(std),
            TimeSpan.FromTicks(results.Sum(r => r.FitTime.Ticks)), elapsed);
    }
}
