namespace Pipeline.Ml.Data;

/// <summary>
/// The kind of supervised learning task. In a pipeline file it is written in snake_case: <c>binary_classification</c>,
/// <c>multiclass_classification</c> or <c>regression</c>.
/// </summary>
public enum TaskKind
{
    /// <summary>Two classes; the larger label value is the positive class, as in MLflow's evaluator.</summary>
    Binary,

    /// <summary>Three or more classes.</summary>
    Multiclass,

    /// <summary>A continuous target.</summary>
    Regression,
}
