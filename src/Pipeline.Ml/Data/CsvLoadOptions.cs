namespace Pipeline.Ml.Data;

/// <summary>Options for <see cref="CsvDataLoader"/>.</summary>
public sealed record CsvLoadOptions
{
    /// <summary>The label column. Default <c>target</c>.</summary>
    public string LabelColumn { get; init; } = "target";

    /// <summary>
    /// The task. Default null: inferred from the label (integers with at most
    /// <see cref="MaxInferredClasses"/> distinct values are classes: two is binary, more multiclass;
    /// anything else is regression).
    /// </summary>
    public TaskKind? Task { get; init; }

    /// <summary>The largest number of distinct integer labels still inferred as classes. Default 20.</summary>
    public int MaxInferredClasses { get; init; } = 20;

    /// <summary>The field separator. Default comma.</summary>
    public char Separator { get; init; } = ',';
}
