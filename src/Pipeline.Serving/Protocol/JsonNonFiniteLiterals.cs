using System.Buffers;

namespace Pipeline.Serving.Protocol;

/// <summary>
/// Python's <c>json.loads</c>, which MLflow's scoring server uses, reads the bare tokens <c>NaN</c>,
/// <c>Infinity</c> and <c>-Infinity</c>, and MLflow's own clients send them (<c>json.dumps</c> of a DataFrame
/// with missing values). System.Text.Json refuses them, so outside strings they are rewritten to the JSON
/// strings <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>, which numeric columns already read as the
/// non-finite doubles (as pandas' <c>astype</c> reads those strings). Bodies without such a token are returned
/// unchanged, without a copy.
/// </summary>
internal static class JsonNonFiniteLiterals
{
    private static readonly SearchValues<byte> Starts = SearchValues.Create("\"NI"u8);

    public static ReadOnlyMemory<byte> Rewrite(ReadOnlyMemory<byte> body)
    {
        var json = body.Span;
        if (json.IndexOf("NaN"u8) < 0 && json.IndexOf("Infinity"u8) < 0)
        {
            return body;
        }

        ArrayBufferWriter<byte>? output = null;
        var copied = 0;
        var i = 0;
        while (i < json.Length)
        {
            var next = json[i..].IndexOfAny(Starts);
            if (next < 0)
            {
                break;
            }

            i += next;
            if (json[i] == '"')
            {
                i = SkipString(json, i);
                continue;
            }

            var literal = json[i..].StartsWith("NaN"u8) ? 3 : json[i..].StartsWith("Infinity"u8) ? 8 : 0;
            if (literal == 0)
            {
                i++;
                continue;
            }

            var start = literal == 8 && i > 0 && json[i - 1] == '-' ? i - 1 : i;
            output ??= new ArrayBufferWriter<byte>(json.Length + 16);
            output.Write(json[copied..start]);
            output.Write("\""u8);
            output.Write(json[start..(i + literal)]);
            output.Write("\""u8);
            i += literal;
            copied = i;
        }

        if (output is null)
        {
            return body;
        }

        output.Write(json[copied..]);
        return output.WrittenMemory;
    }

    /// <summary>The index after the string starting at <paramref name="quote"/> (or the end for an unterminated one).</summary>
    private static int SkipString(ReadOnlySpan<byte> json, int quote)
    {
        for (var i = quote + 1; i < json.Length; i++)
        {
            if (json[i] == '\\')
            {
                i++;
            }
            else if (json[i] == '"')
            {
                return i + 1;
            }
        }

        return json.Length;
    }
}
