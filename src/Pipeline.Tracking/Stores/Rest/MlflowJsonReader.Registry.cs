using System.Globalization;
using System.Text.Json;
using Pipeline.Tracking.Registry;

namespace Pipeline.Tracking.Stores.Rest;

public static partial class MlflowJsonReader
{
    /// <summary>An MLflow <c>RegisteredModel</c> object.</summary>
    public static RegisteredModel ReadRegisteredModel(JsonElement e) => new(
        String(e, "name") ?? "",
        Long(e, "creation_timestamp") ?? 0,
        Long(e, "last_updated_timestamp") ?? 0,
        String(e, "description"),
        Array(e, "latest_versions").Select(ReadModelVersion).ToList(),
        ReadTags(e, "tags").ToDictionary(t => t.Key, t => t.Value),
        Array(e, "aliases").Select(a => new RegisteredModelAlias(String(a, "alias") ?? "", Version(a, "version"))).ToList());

    /// <summary>An MLflow <c>ModelVersion</c> object.</summary>
    public static ModelVersion ReadModelVersion(JsonElement e) => new(
        String(e, "name") ?? "",
        Version(e, "version"),
        Long(e, "creation_timestamp") ?? 0,
        Long(e, "last_updated_timestamp") ?? 0,
        String(e, "description"),
        String(e, "user_id"),
        String(e, "current_stage") ?? "None",
        String(e, "source"),
        String(e, "run_id"),
        String(e, "run_link"),
        ModelVersionStatusNames.Parse(String(e, "status") ?? "READY"),
        String(e, "status_message"),
        ReadTags(e, "tags").ToDictionary(t => t.Key, t => t.Value),
        Array(e, "aliases").Select(a => a.GetString() ?? "").ToList());

    /// <summary>A model version number, given as a string (MLflow's proto) or a number; INVALID_PARAMETER_VALUE otherwise.</summary>
    public static long Version(JsonElement e, string name)
    {
        var text = String(e, name);
        return ParseVersion(text, name);
    }

    /// <summary>Parses a version number; INVALID_PARAMETER_VALUE naming <paramref name="name"/> when it is not one.</summary>
    public static long ParseVersion(string? text, string name = "version")
    {
        if (text is null)
        {
            throw new TrackingException(ErrorCode.InvalidParameterValue,
                $"Missing value for required parameter '{name}'. See the API docs for more information about request parameters.");
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new TrackingException(ErrorCode.InvalidParameterValue, $"Model version must be an integer, got '{text}'");
    }
}
