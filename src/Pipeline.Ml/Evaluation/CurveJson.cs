using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Ml.Evaluation;

/// <summary>
/// JSON for curve records and metric sets: snake_case property names, and the first ROC threshold (+∞)
/// written as <c>"Infinity"</c> (NaN as <c>"NaN"</c>), which Python's <c>json</c> module reads back.
/// </summary>
public static class CurveJson
{
    /// <summary>The serializer options used (indented).</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = true,
    };

    /// <summary>Serializes a curve record (or any of the evaluation records).</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Reads a curve record back.</summary>
    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);

    /// <summary>A metric set as a JSON object of name to value, in order.</summary>
    public static string Serialize(MetricSet metrics) =>
        JsonSerializer.Serialize(metrics.ToDictionary(m => m.Key, m => m.Value), Options);
}
