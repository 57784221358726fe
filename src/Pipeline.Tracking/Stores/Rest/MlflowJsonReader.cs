using System.Globalization;
using System.Text.Json;
using Pipeline.Tracking.Entities;

namespace Pipeline.Tracking.Stores.Rest;

/// <summary>
/// Reads MLflow's REST JSON into tracking entities, as leniently as protobuf's JSON parser: int64 fields as numbers or
/// strings, doubles as numbers or "NaN"/"Infinity"/"-Infinity", missing fields as their defaults. A value of the
/// wrong type is INVALID_PARAMETER_VALUE naming the field.
/// </summary>
public static partial class MlflowJsonReader
{
    /// <summary>An MLflow <c>Experiment</c> object.</summary>
    public static Experiment ReadExperiment(JsonElement e) => new(
        String(e, "experiment_id") ?? "",
        String(e, "name") ?? "",
        String(e, "artifact_location") ?? "",
        MlflowNames.ParseLifecycleStage(String(e, "lifecycle_stage") ?? "active"),
        ReadTags(e, "tags").ToDictionary(t => t.Key, t => t.Value),
        Long(e, "creation_time") ?? 0,
        Long(e, "last_update_time") ?? 0);

    /// <summary>An MLflow <c>Run</c> object.</summary>
    public static Run ReadRun(JsonElement e)
    {
        var info = ReadRunInfo(e.GetProperty("info"));
        var data = e.TryGetProperty("data", out var d)
            ? new RunData(
                Array(d, "metrics").Select(ReadMetric).ToList(),
                Array(d, "params").Select(p => new Param(String(p, "key") ?? "", String(p, "value") ?? "")).ToList(),
                ReadTags(d, "tags"))
            : RunData.Empty;
        var inputs = e.TryGetProperty("inputs", out var i) ? ReadDatasetInputs(i, "dataset_inputs") : [];
        return new Run(info, data, inputs);
    }

    /// <summary>An MLflow <c>RunInfo</c> object (<c>run_uuid</c> stands in for a missing <c>run_id</c>).</summary>
    public static RunInfo ReadRunInfo(JsonElement e)
    {
        var statusName = String(e, "status") ?? "RUNNING";
        if (!MlflowNames.TryParseRunStatus(statusName, out var status))
            throw Invalid($"Invalid run status '{statusName}'");
        return new RunInfo(
            String(e, "run_id") ?? String(e, "run_uuid") ?? "",
            String(e, "experiment_id") ?? "",
            String(e, "run_name") ?? "",
            String(e, "user_id") ?? "",
            status,
            Long(e, "start_time") ?? 0,
            Long(e, "end_time"),
            String(e, "artifact_uri") ?? "",
            MlflowNames.ParseLifecycleStage(String(e, "lifecycle_stage") ?? "active"));
    }

    /// <summary>An MLflow <c>Metric</c> object; a missing value, timestamp or step is 0.</summary>
    public static Metric ReadMetric(JsonElement e) =>
        new(String(e, "key") ?? "", Double(e, "value") ?? 0, Long(e, "timestamp") ?? 0, Long(e, "step") ?? 0);

    /// <summary>The <c>{"key", "value"}</c> objects of the array <paramref name="name"/> (none when absent).</summary>
    public static IReadOnlyList<RunTag> ReadTags(JsonElement parent, string name) =>
        Array(parent, name).Select(t => new RunTag(String(t, "key") ?? "", String(t, "value") ?? "")).ToList();

    /// <summary>The MLflow <c>DatasetInput</c> objects of the array <paramref name="name"/>.</summary>
    public static IReadOnlyList<DatasetInput> ReadDatasetInputs(JsonElement parent, string name) =>
        Array(parent, name).Select(i =>
        {
            var d = i.TryGetProperty("dataset", out var ds) ? ds : throw Invalid("A dataset input has no 'dataset'");
            var dataset = new Dataset(String(d, "name") ?? "", String(d, "digest") ?? "", String(d, "source_type") ?? "",
                String(d, "source") ?? "", String(d, "schema"), String(d, "profile"));
            return new DatasetInput(dataset, ReadTags(i, "tags"));
        }).ToList();

    /// <summary>The string field <paramref name="name"/>, or null when absent or JSON null.</summary>
    public static string? String(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            return null;
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            _ => throw Invalid($"Invalid value for request parameter '{name}': expected a string, got {v.ValueKind}"),
        };
    }

    /// <summary>The int64 field <paramref name="name"/> (a number or a numeric string), or null when absent.</summary>
    public static long? Long(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n))
            return n;
        if (v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out n))
            return n;
        throw Invalid($"Invalid value {v.GetRawText()} for parameter '{name}' supplied: expected an integer");
    }

    /// <summary>The double field <paramref name="name"/> (a number, a numeric string, "NaN" or "±Infinity"), or null when absent.</summary>
    public static double? Double(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            return null;
        if (v.ValueKind == JsonValueKind.Number)
            return v.GetDouble();
        if (v.ValueKind == JsonValueKind.String && ParseDouble(v.GetString()!) is { } d)
            return d;
        throw Invalid($"Invalid value {v.GetRawText()} for parameter '{name}' supplied: expected a number");
    }

    /// <summary>Parses a double as protobuf JSON spells it; null when it is not one.</summary>
    public static double? ParseDouble(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
    };

    /// <summary>The elements of the array field <paramref name="name"/>; none when absent.</summary>
    public static IEnumerable<JsonElement> Array(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            return [];
        if (v.ValueKind != JsonValueKind.Array)
            throw Invalid($"Invalid value for request parameter '{name}': expected a list, got {v.ValueKind}");
        return v.EnumerateArray();
    }

    private static TrackingException Invalid(string message) => new(ErrorCode.InvalidParameterValue, message);
}
