using System.Text.Json.Serialization;

namespace Pipeline.Ml.Profiling;

/// <summary>One class value and how often it occurs: in the training labels, or among the model's predictions on them.</summary>
/// <param name="Value">The class value (as the signature's <c>long</c> output writes it).</param>
/// <param name="Count">Rows with this class.</param>
/// <param name="Frequency">Its share of the rows, 0 to 1.</param>
public sealed record ClassFrequency(
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("frequency")] double Frequency);
