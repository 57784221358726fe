using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Tests.Spec;

public sealed class DefaultMetricCatalogTests
{
    [Fact]
    public void MetricsFor_EachTask_ListsMlflowDefaultEvaluatorNames()
    {
        var catalog = new DefaultMetricCatalog();

        Assert.Equal(
            ["true_negatives", "false_positives", "false_negatives", "true_positives", "example_count", "accuracy_score",
             "recall_score", "precision_score", "f1_score", "log_loss", "roc_auc", "precision_recall_auc"],
            catalog.MetricsFor(TaskKind.Binary).Select(m => m.Name));
        Assert.Equal(
            ["example_count", "accuracy_score", "recall_score", "precision_score", "f1_score", "log_loss", "roc_auc"],
            catalog.MetricsFor(TaskKind.Multiclass).Select(m => m.Name));
        Assert.Equal(
            ["example_count", "mean_absolute_error", "mean_squared_error", "root_mean_squared_error", "sum_on_target",
             "mean_on_target", "r2_score", "max_error", "mean_absolute_percentage_error"],
            catalog.MetricsFor(TaskKind.Regression).Select(m => m.Name));
    }

    [Theory]
    [InlineData(TaskKind.Binary, "log_loss", false)]
    [InlineData(TaskKind.Binary, "roc_auc", true)]
    [InlineData(TaskKind.Regression, "root_mean_squared_error", false)]
    [InlineData(TaskKind.Regression, "r2_score", true)]
    public void MetricsFor_Direction_FollowsTheMetric(TaskKind task, string metric, bool greaterIsBetter)
    {
        Assert.Equal(greaterIsBetter, new DefaultMetricCatalog().MetricsFor(task).Single(m => m.Name == metric).GreaterIsBetter);
    }
}
