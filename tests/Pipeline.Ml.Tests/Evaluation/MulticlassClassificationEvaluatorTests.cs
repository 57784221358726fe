using Pipeline.Ml.Evaluation;

namespace Pipeline.Ml.Tests.Evaluation;

// Expected values computed with scikit-learn 1.2.1 on the same arrays.
public class MulticlassClassificationEvaluatorTests
{
    private static readonly int[] Actual = [0, 1, 2, 2, 1, 0, 2, 1, 0, 2];
    private static readonly int[] Predicted = [0, 2, 2, 2, 1, 0, 1, 1, 0, 0];
    private static readonly IReadOnlyList<double>[] Probabilities =
    [
        [.7, .2, .1], [.2, .3, .5], [.1, .2, .7], [.2, .2, .6], [.1, .8, .1],
        [.6, .3, .1], [.3, .4, .3], [.2, .5, .3], [.5, .4, .1], [.4, .3, .3],
    ];

    [Fact]
    public void Evaluate_Weighted_MatchesScikitLearn()
    {
        var metrics = MulticlassClassificationEvaluator.Evaluate(Actual, Predicted, Probabilities);

        Assert.Equal(["example_count", "accuracy_score", "recall_score", "precision_score", "f1_score", "log_loss", "roc_auc"], metrics.Names);
        Assert.Equal(10, metrics["example_count"]);
        Assert.Equal(0.7, metrics["accuracy_score"], 12);
        Assert.Equal(0.7, metrics["recall_score"], 12);
        Assert.Equal(0.6916666666666667, metrics["precision_score"], 12);
        Assert.Equal(0.6857142857142857, metrics["f1_score"], 12);
        Assert.Equal(0.6956357460821354, metrics["log_loss"], 12);
        Assert.Equal(0.9071428571428571, metrics["roc_auc"], 12);
    }

    [Fact]
    public void Evaluate_Macro_AveragesClassesEqually()
    {
        var metrics = MulticlassClassificationEvaluator.Evaluate(Actual, Predicted, null, ClassAverage.Macro);

        Assert.Equal(0.6984126984126985, metrics["f1_score"], 12);
    }

    [Fact]
    public void Evaluate_ProbabilityRowOfWrongWidth_Throws()
    {
        IReadOnlyList<double>[] probabilities = [[0.5, 0.5], [0.2, 0.3, 0.5], [0.1, 0.2, 0.7]];

        Assert.Throws<ArgumentException>(() => MulticlassClassificationEvaluator.Evaluate([0, 1, 2], [0, 1, 2], probabilities));
    }
}
