using System.Text;
using System.Text.Json;

namespace Pipeline.Tracking.Search;

/// <summary>
/// MLflow's page tokens: base64 of the JSON <c>{"offset": N}</c>, the index of the first item of the next page.
/// </summary>
public static class PageToken
{
    /// <summary>The token for a next page starting at <paramref name="offset"/> (positive), byte for byte as MLflow writes it.</summary>
    public static string Encode(int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(offset);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"offset\": {offset}}}"));
    }

    /// <summary>
    /// The offset a token stands for; null or empty is 0. A token that is not base64, not a JSON object, or whose
    /// <c>offset</c> is missing, zero, negative or not an integer throws <see cref="TrackingException"/> with
    /// INVALID_PARAMETER_VALUE (MLflow also accepts the offset as a numeric string).
    /// </summary>
    public static int Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
            return 0;
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(token);
        }
        catch (FormatException)
        {
            throw Invalid($"Invalid page token '{token}', could not base64-decode");
        }
        try
        {
            using var json = JsonDocument.Parse(bytes);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("offset", out var offset)
                && TryReadOffset(offset, out var value) && value > 0)
                return value;
        }
        catch (JsonException)
        {
            throw Invalid($"Invalid page token '{token}', decoded value is not JSON");
        }
        throw Invalid($"Invalid page token '{token}', decoded value has no positive integer 'offset'");
    }

    private static bool TryReadOffset(JsonElement offset, out int value)
    {
        value = 0;
        return offset.ValueKind switch
        {
            JsonValueKind.Number => offset.TryGetInt32(out value),
            JsonValueKind.String => int.TryParse(offset.GetString(), System.Globalization.NumberStyles.AllowLeadingSign,
                System.Globalization.CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }

    private static TrackingException Invalid(string message) => new(ErrorCode.InvalidParameterValue, message);
}
