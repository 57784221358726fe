using System.Text.Json;

namespace Pipeline.Ml.Models;

/// <summary>
/// The value of the run tag <c>mlflow.log-model.history</c>, which MLflow sets on a run each time a model is logged to
/// it: a JSON list with one entry per model, each MLflow's <c>Model.get_tags_dict()</c> written by <c>json.dumps</c>:
/// <c>run_id</c>, <c>artifact_path</c> (each left out when null), <c>utc_time_created</c>, <c>model_uuid</c>, then
/// <c>flavors</c> (every flavor's keys but <c>config</c>).
/// </summary>
public static class LoggedModelHistory
{
    /// <summary>The entry for one model, e.g. <c>{"run_id": "...", "artifact_path": "model", "utc_time_created": "2024-01-01 12:00:00.123456", "model_uuid": "...", "flavors": {"mlnet": {...}}}</c>.</summary>
    public static string Entry(MlModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var entry = new List<KeyValuePair<string, object?>>();
        if (model.RunId is not null) entry.Add(new("run_id", model.RunId));
        if (model.ArtifactPath is not null) entry.Add(new("artifact_path", model.ArtifactPath));
        entry.Add(new("utc_time_created", MlModelYaml.FormatTime(model.UtcTimeCreated)));
        entry.Add(new("model_uuid", model.ModelUuid));
        var flavors = MlModelYaml.Flavors(model).OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => new KeyValuePair<string, object?>(f.Key, f.Value is IDictionary<string, object?> config
                ? Ordered(config.Where(kv => kv.Key != "config"))
                : Ordered(f.Value)))
            .ToList();
        entry.Add(new("flavors", flavors));
        return PythonJson.Dump(entry);
    }

    /// <summary>
    /// The tag value after logging <paramref name="model"/>: <paramref name="previous"/> (null when the run has no such
    /// tag) with the model's entry appended, as MLflow appends. Previous entries keep their bytes, except one at the same
    /// <c>artifact_path</c>: the package stage replaces that directory, so its old entry would name a model no longer there.
    /// </summary>
    /// <exception cref="FormatException">The previous value is not a JSON list.</exception>
    public static string Append(string? previous, MlModel model)
    {
        var entries = new List<string>();
        if (!string.IsNullOrWhiteSpace(previous))
        {
            JsonDocument doc;
            try { doc = JsonDocument.Parse(previous); }
            catch (JsonException e) { throw new FormatException($"The run's mlflow.log-model.history tag is not JSON: {e.Message}", e); }
            using (doc)
            {
                if (doc.RootElement.ValueKind != JsonValueKind.Array)
                    throw new FormatException($"The run's mlflow.log-model.history tag is a JSON {doc.RootElement.ValueKind}, not a list.");
                entries.AddRange(doc.RootElement.EnumerateArray()
                    .Where(e => !(model.ArtifactPath is not null && e.ValueKind == JsonValueKind.Object
                        && e.TryGetProperty("artifact_path", out var path) && path.ValueKind == JsonValueKind.String
                        && path.GetString() == model.ArtifactPath))
                    .Select(e => e.GetRawText()));
            }
        }
        entries.Add(Entry(model));
        return "[" + string.Join(", ", entries) + "]";
    }

    // Dictionaries (ours and those parsed from YAML) become key-ordered lists, as json.dumps writes a dict loaded from an MLmodel.
    private static object? Ordered(object? value) => value switch
    {
        IDictionary<string, object?> map => Ordered((IEnumerable<KeyValuePair<string, object?>>)map),
        IEnumerable<object?> list when value is not string => list.Select(Ordered).ToList(),
        _ => value,
    };

    private static List<KeyValuePair<string, object?>> Ordered(IEnumerable<KeyValuePair<string, object?>> map) =>
        map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new KeyValuePair<string, object?>(kv.Key, Ordered(kv.Value))).ToList();
}
