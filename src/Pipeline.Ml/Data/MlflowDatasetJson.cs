using Pipeline.Ml.Models;

namespace Pipeline.Ml.Data;

/// <summary>
/// The JSON strings of an MLflow dataset record (<c>log-inputs</c>) for a table, byte for byte as MLflow's
/// <c>PandasDataset.to_dict()</c> writes them with <c>json.dumps</c> (<c>", "</c> and <c>": "</c> separators,
/// non-ASCII escaped): the source, the column schema and the profile.
/// </summary>
public static class MlflowDatasetJson
{
    /// <summary>A local file source: <c>{"uri": "file:///data/x.csv"}</c> (source type <c>local</c>).</summary>
    public static string Source(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return PythonJson.Dump(new List<KeyValuePair<string, object?>> { new("uri", uri) });
    }

    /// <summary>The schema: <c>{"mlflow_colspec": [{"type": "double", "name": "x", "required": true}, ...]}</c>, every column (label included) in file order.</summary>
    public static string Schema(DataSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var columns = schema.Columns.Select(c => new ColumnSpec(ColumnType(c), c.Name)).ToList();
        return "{\"mlflow_colspec\": " + ModelSignature.ToJson(columns) + "}";
    }

    /// <summary>The profile: <c>{"num_rows": 569, "num_elements": 17639}</c>, elements being rows × columns (pandas' <c>df.size</c>).</summary>
    public static string Profile(DataTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return PythonJson.Dump(new List<KeyValuePair<string, object?>>
        {
            new("num_rows", (long)table.RowCount),
            new("num_elements", (long)table.RowCount * table.Schema.Columns.Count),
        });
    }

    private static MlflowDataType ColumnType(DataColumn column) =>
        MlflowDataTypeNames.TryParse(column.Type, out var type)
            ? type
            : throw new ArgumentException($"Column '{column.Name}' has type '{column.Type}', which is not an MLflow column type.");
}
