using System.Text.Json;
using Pipeline.Ml.Data;
using Pipeline.Tracking.Entities;

namespace Pipeline.Stages.Stages;

/// <summary>Builds MLflow dataset records (<c>log-inputs</c>) for a loaded table: source, column schema and profile as MLflow writes them.</summary>
internal static class DatasetRecords
{
    /// <summary>MLflow's local file source: <c>{"uri": "file:///..."}</c>.</summary>
    public static string Source(string path) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["uri"] = new Uri(Path.GetFullPath(path)).AbsoluteUri });

    public static DatasetInput Input(string name, DataTable table, string digest, string source, string context)
    {
        var schema = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["mlflow_colspec"] = table.Schema.Columns.Select(c => new Dictionary<string, object>
            {
                ["type"] = c.Type,
                ["name"] = c.Name,
                ["required"] = true,
            }).ToList(),
        });
        var profile = JsonSerializer.Serialize(new Dictionary<string, long>
        {
            ["num_rows"] = table.RowCount,
            ["num_elements"] = (long)table.RowCount * table.Schema.Columns.Count,
        });
        return new DatasetInput(
            new Dataset(name, digest, "local", source, schema, profile),
            [new RunTag(SystemTags.DatasetContext, context)]);
    }
}
