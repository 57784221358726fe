namespace Pipeline.Stages.Spec;

/// <summary>
/// The kind of learning task a pipeline solves. In YAML it is written in snake_case:
/// <c>binary_classification</c>, <c>multiclass_classification</c> or <c>regression</c>.
/// </summary>
public enum TaskKind
{
    /// <summary>Two classes (<c>binary_classification</c>).</summary>
    BinaryClassification,

    /// <summary>Three or more classes (<c>multiclass_classification</c>).</summary>
    MulticlassClassification,

    /// <summary>A numeric target (<c>regression</c>).</summary>
    Regression,
}
