namespace Pipeline.Stages.Spec;

/// <summary>A metric the evaluation produces.</summary>
/// <param name="Name">The MLflow metric name, e.g. <c>roc_auc</c>.</param>
/// <param name="GreaterIsBetter">
/// Whether larger values are better (MLflow's <c>greater_is_better</c>); sets the default selection direction.
/// </param>
public sealed record MetricDescriptor(string Name, bool GreaterIsBetter);
