using System.Text.Json;
using Pipeline.Serving.Protocol;

namespace Pipeline.Serving.Model;

/// <summary>
/// The <c>params</c> object of a JSON scoring request (MLflow's inference params). Values are
/// <c>null</c>, <see cref="bool"/>, <see cref="long"/>, <see cref="double"/>, <see cref="string"/> or an
/// <c>object?[]</c> of those. Params a model does not know are ignored, as MLflow does without a params schema.
/// CSV requests carry no params.
/// </summary>
public sealed class ScoringParams
{
    /// <summary>
    /// The param asking a classifier for class probabilities instead of labels:
    /// <c>{"dataframe_split": {...}, "params": {"predict_proba": true}}</c>. Must be a JSON boolean; default false.
    /// </summary>
    public const string PredictProbaKey = "predict_proba";

    /// <summary>Creates params from already typed values; throws <c>ScoringException</c> if <c>predict_proba</c> is not a bool.</summary>
    public ScoringParams(IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Values = values;
        if (values.TryGetValue(PredictProbaKey, out var proba))
        {
            PredictProba = proba as bool? ?? throw ScoringException.InvalidParameter(
                $"Parameter '{PredictProbaKey}' must be a boolean (true or false), got {Describe(proba)}.");
        }
    }

    /// <summary>No params.</summary>
    public static ScoringParams Empty { get; } = new(new Dictionary<string, object?>());

    /// <summary>All params by name.</summary>
    public IReadOnlyDictionary<string, object?> Values { get; }

    /// <summary>True when the request asked for class probabilities (<see cref="PredictProbaKey"/>); default false.</summary>
    public bool PredictProba { get; }

    /// <summary>Reads a request's <c>params</c> value: a JSON object (or null for none) of scalars and lists of scalars.</summary>
    public static ScoringParams FromJson(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return Empty;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw ScoringException.InvalidParameter($"Parameters must be a dictionary. Got type '{PythonRepr.TypeName(element)}'.");
        }

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            values[property.Name] = property.Value.ValueKind == JsonValueKind.Array
                ? property.Value.EnumerateArray().Select(item => Scalar(property.Name, item)).ToArray()
                : Scalar(property.Name, property.Value);
        }

        return new ScoringParams(values);
    }

    private static object? Scalar(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number when value.TryGetInt64(out var whole) => whole,
        JsonValueKind.Number when value.TryGetDouble(out var real) => real,
        _ => throw ScoringException.InvalidParameter(
            $"Parameter '{name}' must be a scalar or a list of scalars, got {PythonRepr.Token(value)}."),
    };

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string text => $"'{text}'",
        object?[] list => $"a list of {list.Length}",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
    };
}
