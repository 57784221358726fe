using System.Text.Json;
using Pipeline.Tracking.Entities;

namespace Pipeline.Tracking.Stores.Rest;

/// <summary>
/// Writes tracking entities in the JSON shapes of MLflow's REST API (protobuf JSON with snake_case names): int64
/// fields as numbers (MLflow converts them back from protobuf's strings), doubles NaN and ±Infinity as the strings
/// <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>, unset fields and empty lists left out. Shared by the server
/// (responses) and <see cref="RestTrackingStore"/> (requests), so both sides speak the same shapes.
/// </summary>
public static partial class MlflowJsonWriter
{
    /// <summary>An MLflow <c>Experiment</c> object.</summary>
    public static void WriteExperiment(Utf8JsonWriter w, Experiment e)
    {
        w.WriteStartObject();
        w.WriteString("experiment_id", e.ExperimentId);
        w.WriteString("name", e.Name);
        w.WriteString("artifact_location", e.ArtifactLocation);
        w.WriteString("lifecycle_stage", e.LifecycleStage.ToMlflowName());
        w.WriteNumber("last_update_time", e.LastUpdateTime);
        w.WriteNumber("creation_time", e.CreationTime);
        WriteTags(w, "tags", e.Tags.Select(t => new RunTag(t.Key, t.Value)).ToList());
        w.WriteEndObject();
    }

    /// <summary>An MLflow <c>Run</c>: <c>info</c>, <c>data</c> and <c>inputs</c>.</summary>
    public static void WriteRun(Utf8JsonWriter w, Run run)
    {
        w.WriteStartObject();
        w.WritePropertyName("info");
        WriteRunInfo(w, run.Info);
        w.WriteStartObject("data");
        WriteMetrics(w, "metrics", run.Data.Metrics);
        if (run.Data.Params.Count > 0)
        {
            w.WriteStartArray("params");
            foreach (var p in run.Data.Params)
                WriteKeyValue(w, p.Key, p.Value);
            w.WriteEndArray();
        }

        WriteTags(w, "tags", run.Data.Tags);
        w.WriteEndObject();
        w.WriteStartObject("inputs");
        WriteDatasetInputs(w, "dataset_inputs", run.Inputs);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>An MLflow <c>RunInfo</c>, with the deprecated <c>run_uuid</c> MLflow still fills.</summary>
    public static void WriteRunInfo(Utf8JsonWriter w, RunInfo info)
    {
        w.WriteStartObject();
        w.WriteString("run_uuid", info.RunId);
        w.WriteString("experiment_id", info.ExperimentId);
        w.WriteString("run_name", info.RunName);
        w.WriteString("user_id", info.UserId);
        w.WriteString("status", info.Status.ToMlflowName());
        w.WriteNumber("start_time", info.StartTime);
        if (info.EndTime is { } end)
            w.WriteNumber("end_time", end);
        w.WriteString("artifact_uri", info.ArtifactUri);
        w.WriteString("lifecycle_stage", info.LifecycleStage.ToMlflowName());
        w.WriteString("run_id", info.RunId);
        w.WriteEndObject();
    }

    /// <summary>A list of MLflow <c>Metric</c> objects under <paramref name="name"/>; nothing when empty.</summary>
    public static void WriteMetrics(Utf8JsonWriter w, string name, IReadOnlyList<Metric> metrics)
    {
        if (metrics.Count == 0)
            return;
        w.WriteStartArray(name);
        foreach (var m in metrics)
            WriteMetric(w, m);
        w.WriteEndArray();
    }

    /// <summary>One MLflow <c>Metric</c>.</summary>
    public static void WriteMetric(Utf8JsonWriter w, Metric m)
    {
        w.WriteStartObject();
        w.WriteString("key", m.Key);
        WriteDouble(w, "value", m.Value);
        w.WriteNumber("timestamp", m.Timestamp);
        w.WriteNumber("step", m.Step);
        w.WriteEndObject();
    }

    /// <summary>A double as protobuf JSON writes it: a number, or "NaN", "Infinity", "-Infinity".</summary>
    public static void WriteDouble(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsNaN(value))
            w.WriteString(name, "NaN");
        else if (double.IsPositiveInfinity(value))
            w.WriteString(name, "Infinity");
        else if (double.IsNegativeInfinity(value))
            w.WriteString(name, "-Infinity");
        else
            w.WriteNumber(name, value);
    }

    /// <summary>A list of <c>{"key", "value"}</c> objects under <paramref name="name"/>; nothing when empty.</summary>
    public static void WriteTags(Utf8JsonWriter w, string name, IReadOnlyList<RunTag> tags)
    {
        if (tags.Count == 0)
            return;
        w.WriteStartArray(name);
        foreach (var t in tags)
            WriteKeyValue(w, t.Key, t.Value);
        w.WriteEndArray();
    }

    /// <summary>A list of MLflow <c>DatasetInput</c> objects under <paramref name="name"/>; nothing when empty.</summary>
    public static void WriteDatasetInputs(Utf8JsonWriter w, string name, IReadOnlyList<DatasetInput> inputs)
    {
        if (inputs.Count == 0)
            return;
        w.WriteStartArray(name);
        foreach (var input in inputs)
        {
            w.WriteStartObject();
            WriteTags(w, "tags", input.Tags);
            var d = input.Dataset;
            w.WriteStartObject("dataset");
            w.WriteString("name", d.Name);
            w.WriteString("digest", d.Digest);
            w.WriteString("source_type", d.SourceType);
            w.WriteString("source", d.Source);
            if (d.Schema is not null)
                w.WriteString("schema", d.Schema);
            if (d.Profile is not null)
                w.WriteString("profile", d.Profile);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteKeyValue(Utf8JsonWriter w, string key, string value)
    {
        w.WriteStartObject();
        w.WriteString("key", key);
        w.WriteString("value", value);
        w.WriteEndObject();
    }
}
