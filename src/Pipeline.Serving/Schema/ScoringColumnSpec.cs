namespace Pipeline.Serving.Schema;

/// <summary>One named column of a <see cref="ScoringSchema"/> (MLflow's <c>ColSpec</c>).</summary>
/// <param name="Name">Column name, matched exactly (case-sensitive) against request columns.</param>
/// <param name="Type">MLflow type the values must convert to losslessly.</param>
/// <param name="Required">When true (MLflow's default) the column must be present and hold no nulls.</param>
public sealed record ScoringColumnSpec(string Name, ScoringType Type, bool Required = true)
{
    /// <summary>MLflow's rendering: <c>'name': double (required)</c>.</summary>
    public override string ToString() =>
        $"'{Name}': {Type.ToMlflowName()} ({(Required ? "required" : "optional")})";
}
