namespace Pipeline.Stages.Spec;

/// <summary>The <c>select</c> section: how the sweep's best trial is chosen.</summary>
/// <param name="Metric">
/// <c>metric</c> (string, required): an MLflow metric name the task kind produces (e.g. <c>roc_auc</c>),
/// computed by cross-validation on the training split.
/// </param>
/// <param name="Direction">
/// <c>direction</c> (<c>maximize</c> | <c>minimize</c>, default: the metric's own, e.g. <c>minimize</c> for
/// <c>log_loss</c>).
/// </param>
public sealed record SelectSpec(string Metric, OptimizationDirection Direction);
