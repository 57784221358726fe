namespace Pipeline.Ml.Models;

/// <summary>
/// One column of an MLflow column-based schema (<c>ColSpec</c>): serialised as
/// <c>{"type": "double", "name": "x", "required": true}</c>, the name left out when null.
/// </summary>
/// <param name="Type">The column's MLflow type.</param>
/// <param name="Name">The column name; null for an unnamed column (e.g. a model's single output).</param>
/// <param name="Required">Whether the column must be present; default true.</param>
public sealed record ColumnSpec(MlflowDataType Type, string? Name = null, bool Required = true);
