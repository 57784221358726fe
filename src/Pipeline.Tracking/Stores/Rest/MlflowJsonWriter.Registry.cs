using System.Text.Json;
using Pipeline.Tracking.Registry;

namespace Pipeline.Tracking.Stores.Rest;

public static partial class MlflowJsonWriter
{
    /// <summary>An MLflow <c>RegisteredModel</c>; alias versions are strings, as in MLflow's proto.</summary>
    public static void WriteRegisteredModel(Utf8JsonWriter w, RegisteredModel m)
    {
        w.WriteStartObject();
        w.WriteString("name", m.Name);
        w.WriteNumber("creation_timestamp", m.CreationTimestamp);
        w.WriteNumber("last_updated_timestamp", m.LastUpdatedTimestamp);
        if (m.Description is not null)
            w.WriteString("description", m.Description);
        if (m.LatestVersions.Count > 0)
        {
            w.WriteStartArray("latest_versions");
            foreach (var v in m.LatestVersions)
                WriteModelVersion(w, v);
            w.WriteEndArray();
        }

        WriteRegistryTags(w, m.Tags);
        if (m.Aliases.Count > 0)
        {
            w.WriteStartArray("aliases");
            foreach (var a in m.Aliases)
            {
                w.WriteStartObject();
                w.WriteString("alias", a.Alias);
                w.WriteString("version", a.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>An MLflow <c>ModelVersion</c>; <c>version</c> is a string, as in MLflow's proto.</summary>
    public static void WriteModelVersion(Utf8JsonWriter w, ModelVersion v)
    {
        w.WriteStartObject();
        w.WriteString("name", v.Name);
        w.WriteString("version", v.VersionText);
        w.WriteNumber("creation_timestamp", v.CreationTimestamp);
        w.WriteNumber("last_updated_timestamp", v.LastUpdatedTimestamp);
        WriteIfNotNull(w, "user_id", v.UserId);
        w.WriteString("current_stage", v.CurrentStage);
        WriteIfNotNull(w, "description", v.Description);
        WriteIfNotNull(w, "source", v.Source);
        WriteIfNotNull(w, "run_id", v.RunId);
        w.WriteString("status", v.Status.ToMlflowName());
        WriteIfNotNull(w, "status_message", v.StatusMessage);
        WriteRegistryTags(w, v.Tags);
        WriteIfNotNull(w, "run_link", v.RunLink);
        if (v.Aliases.Count > 0)
        {
            w.WriteStartArray("aliases");
            foreach (var a in v.Aliases)
                w.WriteStringValue(a);
            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteRegistryTags(Utf8JsonWriter w, IReadOnlyDictionary<string, string> tags)
    {
        if (tags.Count == 0)
            return;
        w.WriteStartArray("tags");
        foreach (var (key, value) in tags)
            WriteKeyValue(w, key, value);
        w.WriteEndArray();
    }

    private static void WriteIfNotNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
            w.WriteString(name, value);
    }
}
