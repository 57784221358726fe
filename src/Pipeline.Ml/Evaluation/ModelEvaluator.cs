using Pipeline.Ml.Data;

namespace Pipeline.Ml.Evaluation;

/// <summary>Evaluates a <see cref="PredictionSet"/>: MLflow's default metric set and curve data for its task.</summary>
public static class ModelEvaluator
{
    /// <summary>The metric set for the task (binary, multiclass weighted, or regression).</summary>
    public static MetricSet Evaluate(PredictionSet predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        return predictions.Task switch
        {
            TaskKind.Binary => BinaryClassificationEvaluator.Evaluate(
                predictions.ActualClasses, predictions.PredictedClasses, predictions.Probabilities is null ? null : predictions.ProbabilityOf(1)),
            TaskKind.Multiclass => MulticlassClassificationEvaluator.Evaluate(
                predictions.ActualClasses, predictions.PredictedClasses, predictions.Probabilities),
            _ => RegressionEvaluator.Evaluate(predictions.Actual, predictions.Predicted),
        };
    }

    /// <summary>Curve data and the confusion matrix of classifier predictions with probabilities.</summary>
    /// <param name="predictions">Classification predictions with probabilities.</param>
    /// <param name="calibrationBins">Bins of the calibration curves; default 10 as MLflow.</param>
    /// <exception cref="InvalidOperationException">Regression predictions, or no probabilities.</exception>
    public static EvaluationCurves Curves(PredictionSet predictions, int calibrationBins = 10)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        if (predictions.Task == TaskKind.Regression || predictions.Probabilities is null)
            throw new InvalidOperationException("Curves need classification predictions with probabilities.");
        var actual = predictions.ActualClasses;
        var values = predictions.ClassValues;
        var classes = predictions.Task == TaskKind.Binary ? [1] : Enumerable.Range(0, values.Count).ToArray();
        bool[] Member(int c) => actual.Select(a => a == c).ToArray();
        var lift = predictions.Task == TaskKind.Binary
            ? new[] { 0, 1 }.Select(c => ClassificationCurves.Lift(Member(c), predictions.ProbabilityOf(c), values[c])).ToArray()
            : Array.Empty<LiftCurve>();
        return new EvaluationCurves(
            classes.Select(c => ClassificationCurves.Roc(Member(c), predictions.ProbabilityOf(c), values[c])).ToArray(),
            classes.Select(c => ClassificationCurves.PrecisionRecall(Member(c), predictions.ProbabilityOf(c), values[c])).ToArray(),
            lift,
            classes.Select(c => ClassificationCurves.Calibration(Member(c), predictions.ProbabilityOf(c), values[c], calibrationBins)).ToArray(),
            ConfusionMatrix.From(actual, predictions.PredictedClasses, values));
    }
}
