namespace Pipeline.Stages.Spec;

/// <summary>Whether a larger or a smaller metric value is better. YAML: <c>maximize</c> or <c>minimize</c>.</summary>
public enum OptimizationDirection
{
    /// <summary>Larger is better (e.g. <c>roc_auc</c>).</summary>
    Maximize,

    /// <summary>Smaller is better (e.g. <c>root_mean_squared_error</c>).</summary>
    Minimize,
}
