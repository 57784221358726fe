namespace Pipeline.Ml.Models;

/// <summary>
/// A few input rows saved with a model, as MLflow saves a pandas DataFrame example: in
/// <c>input_example.json</c> as <c>{"columns": [...], "data": [[...], ...]}</c> (pandas "split" orient,
/// no index) and in <c>serving_input_example.json</c> as a <c>{"dataframe_split": ...}</c> request body.
/// Cells are .NET scalars: numbers, bool, string, null (NaN is written as null, as MLflow does),
/// <c>byte[]</c> (base64) and dates (ISO-8601).
/// </summary>
/// <param name="Columns">Column names, in order.</param>
/// <param name="Rows">Rows of cells, each as long as <paramref name="Columns"/>.</param>
public sealed record InputExample(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>The <c>input_example.json</c> text, byte for byte as MLflow's <c>json.dumps</c> writes it.</summary>
    public string ToInputExampleJson() => PythonJson.Dump(SplitTree());

    /// <summary>The <c>serving_input_example.json</c> text (two-space indented, as MLflow writes it).</summary>
    public string ToServingInputJson() =>
        PythonJson.Dump(new List<KeyValuePair<string, object?>> { new("dataframe_split", SplitTree()) }, indent: 2);

    /// <summary>Checks every row has one cell per column; the message names the first bad row.</summary>
    /// <exception cref="ArgumentException">A row's length differs, or a column name is repeated.</exception>
    public void Validate()
    {
        var duplicate = Columns.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Input example column '{duplicate.Key}' appears more than once.");
        for (int r = 0; r < Rows.Count; r++)
        {
            if (Rows[r].Count != Columns.Count)
                throw new ArgumentException($"Input example row {r} has {Rows[r].Count} cells but there are {Columns.Count} columns.");
        }
    }

    private List<KeyValuePair<string, object?>> SplitTree() =>
    [
        new("columns", Columns),
        new("data", Rows),
    ];
}
