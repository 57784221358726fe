using System.Text.Json;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores.Rest;

namespace Pipeline.Cli.Output;

/// <summary>
/// The JSON the CLI prints for scripts: MLflow's Python entities as <c>dict(entity)</c> gives them (what
/// <c>mlflow runs describe</c> prints): snake_case fields, tags, params and metrics as objects keyed by name, times in
/// Unix ms. A metric that is NaN or infinite is written as protobuf JSON writes it (<c>"NaN"</c>, <c>"Infinity"</c>).
/// Deliberately not <see cref="MlflowJsonWriter"/>, which looks alike: that writes the REST API's protobuf JSON (tags
/// and params as lists of <c>{key, value}</c>, metrics as objects with step and timestamp, unset fields left out), the
/// wire contract of the tracking server; scripts reading this output expect the Python client's dicts instead.
/// </summary>
internal static class EntityJson
{
    public static void WriteExperiment(Utf8JsonWriter w, Experiment experiment)
    {
        w.WriteStartObject();
        w.WriteString("experiment_id", experiment.ExperimentId);
        w.WriteString("name", experiment.Name);
        w.WriteString("artifact_location", experiment.ArtifactLocation);
        w.WriteString("lifecycle_stage", experiment.LifecycleStage.ToMlflowName());
        w.WriteNumber("creation_time", experiment.CreationTime);
        w.WriteNumber("last_update_time", experiment.LastUpdateTime);
        WriteMap(w, "tags", experiment.Tags.Select(t => (t.Key, t.Value)));
        w.WriteEndObject();
    }

    public static void WriteRun(Utf8JsonWriter w, Run run)
    {
        var info = run.Info;
        w.WriteStartObject();
        w.WriteStartObject("info");
        w.WriteString("run_id", info.RunId);
        w.WriteString("run_uuid", info.RunId);
        w.WriteString("run_name", info.RunName);
        w.WriteString("experiment_id", info.ExperimentId);
        w.WriteString("user_id", info.UserId);
        w.WriteString("status", info.Status.ToMlflowName());
        w.WriteNumber("start_time", info.StartTime);
        if (info.EndTime is { } end)
            w.WriteNumber("end_time", end);
        else
            w.WriteNull("end_time");
        w.WriteString("artifact_uri", info.ArtifactUri);
        w.WriteString("lifecycle_stage", info.LifecycleStage.ToMlflowName());
        w.WriteEndObject();
        w.WriteStartObject("data");
        w.WriteStartObject("metrics");
        foreach (var metric in run.Data.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
            MlflowJsonWriter.WriteDouble(w, metric.Key, metric.Value);
        w.WriteEndObject();
        WriteMap(w, "params", run.Data.Params.Select(p => (p.Key, p.Value)));
        WriteMap(w, "tags", run.Data.Tags.Select(t => (t.Key, t.Value)));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WriteRegisteredModel(Utf8JsonWriter w, RegisteredModel model)
    {
        w.WriteStartObject();
        w.WriteString("name", model.Name);
        w.WriteNumber("creation_timestamp", model.CreationTimestamp);
        w.WriteNumber("last_updated_timestamp", model.LastUpdatedTimestamp);
        w.WriteString("description", model.Description);
        w.WriteStartArray("latest_versions");
        foreach (var version in model.LatestVersions)
            WriteModelVersion(w, version);
        w.WriteEndArray();
        WriteMap(w, "tags", model.Tags.Select(t => (t.Key, t.Value)));
        // As MLflow's RegisteredModel.aliases: alias -> version.
        WriteMap(w, "aliases", model.Aliases.Select(a => (a.Alias, a.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        w.WriteEndObject();
    }

    public static void WriteModelVersion(Utf8JsonWriter w, ModelVersion version)
    {
        w.WriteStartObject();
        w.WriteString("name", version.Name);
        w.WriteString("version", version.VersionText);
        w.WriteNumber("creation_timestamp", version.CreationTimestamp);
        w.WriteNumber("last_updated_timestamp", version.LastUpdatedTimestamp);
        w.WriteString("description", version.Description);
        w.WriteString("user_id", version.UserId);
        w.WriteString("current_stage", version.CurrentStage);
        w.WriteString("source", version.Source);
        w.WriteString("run_id", version.RunId);
        w.WriteString("run_link", version.RunLink);
        w.WriteString("status", ModelVersionStatusNames.ToMlflowName(version.Status));
        w.WriteString("status_message", version.StatusMessage);
        WriteMap(w, "tags", version.Tags.Select(t => (t.Key, t.Value)));
        w.WriteStartArray("aliases");
        foreach (var alias in version.Aliases)
            w.WriteStringValue(alias);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>MLflow's <c>FileInfo</c>: <c>path</c>, <c>is_dir</c>, and <c>file_size</c> for files only.</summary>
    public static void WriteFileInfo(Utf8JsonWriter w, ArtifactEntry entry)
    {
        w.WriteStartObject();
        w.WriteString("path", entry.Path);
        w.WriteBoolean("is_dir", entry.IsDir);
        if (entry.FileSize is { } size)
            w.WriteNumber("file_size", size);
        w.WriteEndObject();
    }

    private static void WriteMap(Utf8JsonWriter w, string name, IEnumerable<(string Key, string Value)> entries)
    {
        w.WriteStartObject(name);
        foreach (var (key, value) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            w.WriteString(key, value);
        w.WriteEndObject();
    }
}
