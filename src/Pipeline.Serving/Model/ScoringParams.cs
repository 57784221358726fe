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

    /// <summary>
    /// Reads a request's <c>params</c> value: a JSON object (or null for none). Scalars and lists of scalars are
    /// kept; any other value (a nested object, a number beyond double's range) is dropped, except for
    /// <see cref="PredictProbaKey"/>, which is refused.
    /// </summary>
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
            if (TryValue(property.Value, out var value))
            {
                values[property.Name] = value;
            }
            else if (property.NameEquals(PredictProbaKey))
            {
                throw ScoringException.InvalidParameter(
                    $"Parameter '{property.Name}' must be a scalar or a list of scalars, got {PythonRepr.Token(property.Value)}.");
            }
            else
            {
                // MLflow ignores params its params schema does not declare, whatever their shape; so do we.
                values.Remove(property.Name);
            }
        }

        return new ScoringParams(values);
    }

    private static bool TryValue(JsonElement element, out object? value)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            return TryScalar(element, out value);
        }

        var items = new object?[element.GetArrayLength()];
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (!TryScalar(item, out items[i++]))
            {
                value = null;
                return false;
            }
        }

        value = items;
        return true;
    }

    private static bool TryScalar(JsonElement element, out object? value)
    {
        value = element.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number when element.TryGetInt64(out var whole) => whole,
            JsonValueKind.Number when element.TryGetDouble(out var real) && double.IsFinite(real) => real,
            _ => null,
        };
        return value is not null || element.ValueKind == JsonValueKind.Null;
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string text => $"'{text}'",
        object?[] list => $"a list of {list.Length}",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
    };
}
