namespace Pipeline.Stages.Spec;

/// <summary>The <c>evaluate</c> section: conditions the selected model must meet on the held-out test split.</summary>
/// <param name="Gates">
/// <c>gates</c> (list of strings, default empty): expressions <c>metric op threshold</c>, e.g.
/// <c>roc_auc &gt;= 0.95</c>; the evaluate stage fails when any is not met.
/// </param>
public sealed record EvaluateSpec(IReadOnlyList<GateSpec> Gates)
{
    /// <summary>No gates.</summary>
    public static EvaluateSpec None { get; } = new([]);
}
