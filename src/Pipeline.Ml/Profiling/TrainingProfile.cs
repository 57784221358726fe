using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Ml.Models;

namespace Pipeline.Ml.Profiling;

/// <summary>
/// <c>training_profile.json</c> in a model directory: what the training split looked like, so that the inputs a served
/// model meets can later be compared with it (<c>pipeline monitor drift</c>) without the training data at hand. Small (a
/// KB per feature) and deterministic: the same split gives the same bytes.
/// </summary>
/// <param name="FormatVersion">The file format's version: 1.</param>
/// <param name="Task">The model's task, as in MLmodel (<c>binary_classification</c>, ...).</param>
/// <param name="Rows">Rows in the training split.</param>
/// <param name="QuantileLevels">The levels every <see cref="NumericProfile.Quantiles"/> list is taken at, 0 to 1.</param>
/// <param name="Features">One profile per feature, in the model's feature order.</param>
/// <param name="LabelName">The label column.</param>
/// <param name="Label">The label's distribution.</param>
/// <param name="Predictions">The model's predictions on the training split; null when not recorded.</param>
public sealed record TrainingProfile(
    [property: JsonPropertyName("format_version")] int FormatVersion,
    [property: JsonPropertyName("task")] string Task,
    [property: JsonPropertyName("rows")] long Rows,
    [property: JsonPropertyName("quantile_levels")] IReadOnlyList<double> QuantileLevels,
    [property: JsonPropertyName("features")] IReadOnlyList<NumericProfile> Features,
    [property: JsonPropertyName("label_name")] string LabelName,
    [property: JsonPropertyName("label")] OutputProfile Label,
    [property: JsonPropertyName("predictions"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] OutputProfile? Predictions)
{
    /// <summary>The file name in the model directory: <c>training_profile.json</c>.</summary>
    public const string FileName = "training_profile.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        // One line: a profile is 2,000-odd numbers, and one per line would make it three times bigger (jq . shows it indented).
        WriteIndented = false,
        // NaN (the mean of a column with no values) has no JSON number: written as the string "NaN".
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The JSON text, ending with a newline.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json) + "\n";

    /// <summary>Reads a profile.</summary>
    /// <exception cref="ModelFormatException">Not valid JSON, or a feature's histogram is inconsistent.</exception>
    public static TrainingProfile FromJson(string json, string source)
    {
        TrainingProfile? profile;
        try { profile = JsonSerializer.Deserialize<TrainingProfile>(json, Json); }
        catch (JsonException e)
        {
            throw new ModelFormatException($"{source}: not a valid training profile at line {e.LineNumber + 1}: {e.Message}", e);
        }

        if (profile?.Features is null || profile.QuantileLevels is null || profile.Label is null)
            throw new ModelFormatException($"{source}: needs 'quantile_levels', 'features' and 'label'.");
        foreach (var feature in profile.Features)
        {
            if (feature?.Histogram?.BinEdges is not { Count: >= 2 } edges || feature.Histogram.Counts?.Count != edges.Count - 1
                || feature.Quantiles?.Count != profile.QuantileLevels.Count)
                throw new ModelFormatException($"{source}: feature '{feature?.Name}' needs a histogram with one edge more than counts and one quantile per level.");
        }

        return profile;
    }

    /// <summary>Reads <c>training_profile.json</c> from a model directory.</summary>
    /// <exception cref="FileNotFoundException">The model has no profile (packaged before profiles were recorded).</exception>
    public static TrainingProfile Read(string modelDirectory)
    {
        var path = Path.Combine(modelDirectory, FileName);
        if (!File.Exists(path))
            throw new FileNotFoundException($"The model at {modelDirectory} has no {FileName}: it was packaged before training profiles were recorded; package it again (pipeline run package --exclusive --force).", path);
        return FromJson(File.ReadAllText(path), path);
    }
}
