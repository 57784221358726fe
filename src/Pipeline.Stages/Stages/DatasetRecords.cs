using Pipeline.Ml.Data;
using Pipeline.Tracking.Entities;

namespace Pipeline.Stages.Stages;

/// <summary>Builds MLflow dataset records (<c>log-inputs</c>) for a loaded table: source, column schema and profile as MLflow writes them.</summary>
internal static class DatasetRecords
{
    /// <summary>MLflow's local file source: <c>{"uri": "file:///..."}</c>.</summary>
    public static string Source(string path) => MlflowDatasetJson.Source(new Uri(Path.GetFullPath(path)).AbsoluteUri);

    public static DatasetInput Input(string name, DataTable table, string digest, string source, string context) =>
        new(new Dataset(name, digest, "local", source, MlflowDatasetJson.Schema(table.Schema), MlflowDatasetJson.Profile(table)),
            [new RunTag(SystemTags.DatasetContext, context)]);
}
