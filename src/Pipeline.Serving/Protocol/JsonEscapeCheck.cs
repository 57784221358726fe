using System.Text.Json;

namespace Pipeline.Serving.Protocol;

/// <summary>
/// Finds <c>\u</c> escapes that make no valid text (a lone surrogate such as <c>"\ud800"</c>). JsonDocument
/// accepts them and throws only when the string is read, which would surface as a server fault; only bodies
/// containing <c>\u</c> pay for this pass.
/// </summary>
internal static class JsonEscapeCheck
{
    public static void ThrowIfInvalid(ReadOnlySpan<byte> json)
    {
        if (json.IndexOf("\\u"u8) < 0)
        {
            return;
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    Validate(ref reader);
                }
            }
        }
        catch (JsonException)
        {
            // Malformed JSON is reported by the document parse that follows, with its own position.
        }
    }

    private static void Validate(ref Utf8JsonReader reader)
    {
        try
        {
            _ = reader.GetString();
        }
        catch (InvalidOperationException ex)
        {
            throw ScoringException.InvalidInput(
                $"Ensure that input is a valid JSON formatted string. Error: 'invalid escape in the string at byte {reader.TokenStartIndex}: {ex.Message}'");
        }
    }
}
