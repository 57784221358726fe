namespace Pipeline.Stages.Spec;

/// <summary>The metrics each task kind's evaluation produces, by MLflow name.</summary>
public interface IMetricCatalog
{
    /// <summary>The metrics produced for <paramref name="task"/>, in a stable order.</summary>
    IReadOnlyList<MetricDescriptor> MetricsFor(TaskKind task);
}
