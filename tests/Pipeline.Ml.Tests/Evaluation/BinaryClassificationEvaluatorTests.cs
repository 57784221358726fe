using Pipeline.Ml.Evaluation;

namespace Pipeline.Ml.Tests.Evaluation;

// Expected values computed with scikit-learn 1.2.1 on the same arrays.
public class BinaryClassificationEvaluatorTests
{
    private static readonly int[] Actual = [0, 0, 1, 1, 0, 1, 1, 0, 1, 0];
    private static readonly double[] Probability = [0.1, 0.4, 0.35, 0.8, 0.4, 0.9, 0.6, 0.2, 0.4, 0.7];
    private static int[] Predicted => Probability.Select(p => p > 0.5 ? 1 : 0).ToArray();

    [Fact]
    public void Evaluate_SmallArrays_MatchesScikitLearn()
    {
        var metrics = BinaryClassificationEvaluator.Evaluate(Actual, Predicted, Probability);

        Assert.Equal(4, metrics["true_negatives"]);
        Assert.Equal(1, metrics["false_positives"]);
        Assert.Equal(2, metrics["false_negatives"]);
        Assert.Equal(3, metrics["true_positives"]);
        Assert.Equal(10, metrics["example_count"]);
        Assert.Equal(0.7, metrics["accuracy_score"], 12);
        Assert.Equal(0.6, metrics["recall_score"], 12);
        Assert.Equal(0.75, metrics["precision_score"], 12);
        Assert.Equal(0.6666666666666665, metrics["f1_score"], 12);
        Assert.Equal(0.5359570665940814, metrics["log_loss"], 12);
        Assert.Equal(0.76, metrics["roc_auc"], 12);
        Assert.Equal(0.7892857142857144, metrics["precision_recall_auc"], 12);
    }

    [Fact]
    public void Evaluate_MetricNames_AreMlflowsInItsOrder()
    {
        var metrics = BinaryClassificationEvaluator.Evaluate(Actual, Predicted, Probability);

        Assert.Equal(
            ["true_negatives", "false_positives", "false_negatives", "true_positives", "example_count", "accuracy_score",
             "recall_score", "precision_score", "f1_score", "log_loss", "roc_auc", "precision_recall_auc"],
            metrics.Names);
    }

    [Fact]
    public void Evaluate_NoPredictedPositives_PrecisionAndF1AreZero()
    {
        var metrics = BinaryClassificationEvaluator.Evaluate([0, 1], [0, 0], null);

        Assert.Equal(0, metrics["precision_score"]);
        Assert.Equal(0, metrics["f1_score"]);
        Assert.False(metrics.TryGet("roc_auc", out _));
    }

    [Fact]
    public void Evaluate_CertainWrongProbability_LogLossIsClippedNotInfinite()
    {
        var metrics = BinaryClassificationEvaluator.Evaluate([1], [0], [0.0]);

        Assert.Equal(-Math.Log(2.220446049250313e-16), metrics["log_loss"], 9);
    }

    [Fact]
    public void Evaluate_LengthMismatch_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => BinaryClassificationEvaluator.Evaluate([0, 1], [0], null));

        Assert.Contains("2 true values but 1 predictions", error.Message);
    }
}
