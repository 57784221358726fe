using Pipeline.Ml.Evaluation;

namespace Pipeline.Ml.Tests.Evaluation;

// Expected values computed with scikit-learn 1.2.1 on the same arrays.
public class RegressionEvaluatorTests
{
    [Fact]
    public void Evaluate_SmallArrays_MatchesScikitLearn()
    {
        var metrics = RegressionEvaluator.Evaluate([3.0, -0.5, 2.0, 7.0, 4.2], [2.5, 0.0, 2.1, 7.8, 3.9]);

        Assert.Equal(
            ["example_count", "mean_absolute_error", "mean_squared_error", "root_mean_squared_error", "sum_on_target",
             "mean_on_target", "r2_score", "max_error", "mean_absolute_percentage_error"],
            metrics.Names);
        Assert.Equal(5, metrics["example_count"]);
        Assert.Equal(0.44000000000000006, metrics["mean_absolute_error"], 12);
        Assert.Equal(0.24799999999999994, metrics["mean_squared_error"], 12);
        Assert.Equal(Math.Sqrt(0.248), metrics["root_mean_squared_error"], 12);
        Assert.Equal(15.7, metrics["sum_on_target"], 12);
        Assert.Equal(3.14, metrics["mean_on_target"], 12);
        Assert.Equal(0.9594665271966527, metrics["r2_score"], 12);
        Assert.Equal(0.8, metrics["max_error"], 12);
        Assert.Equal(0.2804761904761905, metrics["mean_absolute_percentage_error"], 12);
    }

    [Fact]
    public void Evaluate_ConstantTargetImperfectFit_R2IsZero()
    {
        var metrics = RegressionEvaluator.Evaluate([2.0, 2.0], [1.0, 3.0]);

        Assert.Equal(0, metrics["r2_score"]);
    }
}
