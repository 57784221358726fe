namespace Pipeline.Ml.Data;

/// <summary>The kind of supervised learning task a data set is loaded for.</summary>
public enum TaskKind
{
    /// <summary>Two classes; the larger label value is the positive class, as in MLflow's evaluator.</summary>
    Binary,

    /// <summary>Three or more classes.</summary>
    Multiclass,

    /// <summary>A continuous target.</summary>
    Regression,
}
