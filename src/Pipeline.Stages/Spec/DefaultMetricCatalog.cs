namespace Pipeline.Stages.Spec;

/// <summary>
/// The metric names of MLflow's default evaluator (<c>mlflow.evaluate</c> with <c>model_type</c>
/// <c>classifier</c> or <c>regressor</c>). Binary classification adds the confusion counts and the ROC and PR
/// areas (<c>precision_recall_auc</c> is average precision, as MLflow computes it); multiclass uses weighted
/// averages and a one-vs-rest weighted <c>roc_auc</c>.
/// </summary>
public sealed class DefaultMetricCatalog : IMetricCatalog
{
    private static readonly IReadOnlyList<MetricDescriptor> Binary =
    [
        new("true_negatives", true),
        new("false_positives", false),
        new("false_negatives", false),
        new("true_positives", true),
        new("example_count", true),
        new("accuracy_score", true),
        new("recall_score", true),
        new("precision_score", true),
        new("f1_score", true),
        new("log_loss", false),
        new("roc_auc", true),
        new("precision_recall_auc", true),
    ];

    private static readonly IReadOnlyList<MetricDescriptor> Multiclass =
    [
        new("example_count", true),
        new("accuracy_score", true),
        new("recall_score", true),
        new("precision_score", true),
        new("f1_score", true),
        new("log_loss", false),
        new("roc_auc", true),
    ];

    private static readonly IReadOnlyList<MetricDescriptor> Regression =
    [
        new("example_count", true),
        new("mean_absolute_error", false),
        new("mean_squared_error", false),
        new("root_mean_squared_error", false),
        new("sum_on_target", true),
        new("mean_on_target", true),
        new("r2_score", true),
        new("max_error", false),
        new("mean_absolute_percentage_error", false),
    ];

    /// <inheritdoc />
    public IReadOnlyList<MetricDescriptor> MetricsFor(TaskKind task) => task switch
    {
        TaskKind.Binary => Binary,
        TaskKind.Multiclass => Multiclass,
        TaskKind.Regression => Regression,
        _ => [],
    };
}
