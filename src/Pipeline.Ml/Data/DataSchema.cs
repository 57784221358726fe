namespace Pipeline.Ml.Data;

/// <summary>The inferred schema of a loaded table: every column in file order, and which one is the label.</summary>
/// <param name="Columns">All columns, features and label, in file order.</param>
/// <param name="LabelColumn">The name of the label column.</param>
public sealed record DataSchema(IReadOnlyList<DataColumn> Columns, string LabelColumn)
{
    /// <summary>The feature columns in file order (every column but the label).</summary>
    public IEnumerable<DataColumn> Features => Columns.Where(c => c.Name != LabelColumn);

    /// <summary>The label column.</summary>
    public DataColumn Label => Columns.First(c => c.Name == LabelColumn);
}
