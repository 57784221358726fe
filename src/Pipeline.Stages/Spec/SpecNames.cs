namespace Pipeline.Stages.Spec;

/// <summary>The YAML spellings of the specification's enumerations.</summary>
public static class SpecNames
{
    /// <summary>The YAML name of a task kind, e.g. <c>binary_classification</c>.</summary>
    public static string ToYamlName(this TaskKind task) => task switch
    {
        TaskKind.Binary => "binary_classification",
        TaskKind.Multiclass => "multiclass_classification",
        TaskKind.Regression => "regression",
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, null),
    };

    /// <summary>The YAML name of a sweep strategy: <c>grid</c>, <c>random</c> or <c>tpe</c>.</summary>
    public static string ToYamlName(this SweepStrategy strategy) => strategy switch
    {
        SweepStrategy.Grid => "grid",
        SweepStrategy.Random => "random",
        SweepStrategy.Tpe => "tpe",
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, null),
    };

    /// <summary>The YAML name of a direction: <c>maximize</c> or <c>minimize</c>.</summary>
    public static string ToYamlName(this OptimizationDirection direction) => direction switch
    {
        OptimizationDirection.Maximize => "maximize",
        OptimizationDirection.Minimize => "minimize",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, null),
    };

    /// <summary>True for the two classification kinds.</summary>
    public static bool IsClassification(this TaskKind task) => task != TaskKind.Regression;

    internal static readonly IReadOnlyList<TaskKind> TaskKinds = Enum.GetValues<TaskKind>();
    /// <summary>The YAML name of a pruner: <c>median</c>, <c>successive_halving</c> or <c>hyperband</c>.</summary>
    public static string ToYamlName(this PrunerKind pruner) => pruner switch
    {
        PrunerKind.Median => "median",
        PrunerKind.SuccessiveHalving => "successive_halving",
        PrunerKind.Hyperband => "hyperband",
        _ => throw new ArgumentOutOfRangeException(nameof(pruner), pruner, null),
    };

    internal static readonly IReadOnlyList<PrunerKind> Pruners = Enum.GetValues<PrunerKind>();
    internal static readonly IReadOnlyList<SweepStrategy> Strategies = Enum.GetValues<SweepStrategy>();
    internal static readonly IReadOnlyList<OptimizationDirection> Directions = Enum.GetValues<OptimizationDirection>();
}
