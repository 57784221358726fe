using System.Text.Json.Serialization;

namespace Pipeline.Ml.Profiling;

/// <summary>
/// The distribution of a label or of the model's predictions on the training split: per class for classifiers
/// (<see cref="Classes"/>), as a <see cref="NumericProfile"/> for regression (<see cref="Values"/>).
/// </summary>
/// <param name="Classes">Each class value with its count and frequency; null for regression.</param>
/// <param name="Values">The numeric distribution; null for classifiers.</param>
public sealed record OutputProfile(
    [property: JsonPropertyName("classes"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ClassFrequency>? Classes,
    [property: JsonPropertyName("values"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] NumericProfile? Values);
