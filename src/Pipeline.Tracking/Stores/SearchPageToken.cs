using System.Text;
using System.Text.Json;

namespace Pipeline.Tracking.Stores;

/// <summary>MLflow's search page token: base64 of the JSON <c>{"offset": N}</c>.</summary>
public static class SearchPageToken
{
    /// <summary>The token for the page starting at <paramref name="offset"/>.</summary>
    public static string Create(long offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"offset\": {offset}}}"));

    /// <summary>The offset a token points at; 0 for a null or empty token; INVALID_PARAMETER_VALUE for a malformed one.</summary>
    public static long ParseOffset(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        string json;
        try
        {
            json = Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException e)
        {
            throw new TrackingException(ErrorCode.InvalidParameterValue, "Invalid page token, could not base64-decode", e);
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("offset", out var offset)
                && offset.TryGetInt64(out var value) && value >= 0)
            {
                return value;
            }
        }
        catch (JsonException e)
        {
            throw new TrackingException(ErrorCode.InvalidParameterValue, $"Invalid page token, decoded value={json}", e);
        }

        throw new TrackingException(ErrorCode.InvalidParameterValue, $"Invalid page token, parsed value={json}");
    }
}
