using System.Text.Json;
using Pipeline.Tracking;

namespace Pipeline.Server.Api;

/// <summary>
/// Refuses <c>\u</c> escapes that make no valid text (a lone surrogate such as <c>"\ud800"</c>). JsonDocument accepts
/// them and throws only when the string is read, deep inside a handler, which would surface as a 500; checked once
/// where the body is parsed, they are a BAD_REQUEST like any other malformed body. Only bodies containing <c>\u</c>
/// pay for this pass.
/// </summary>
internal static class JsonEscapeCheck
{
    public static void ThrowIfInvalid(ReadOnlySpan<byte> json)
    {
        if (json.IndexOf("\\u"u8) < 0)
            return;
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || !reader.ValueIsEscaped)
                continue;
            try
            {
                _ = reader.GetString();
            }
            catch (InvalidOperationException e)
            {
                throw new TrackingException(ErrorCode.BadRequest,
                    $"Malformed request: the body is not valid JSON (invalid escape in the string at byte {reader.TokenStartIndex}: {e.Message})");
            }
        }
    }
}
