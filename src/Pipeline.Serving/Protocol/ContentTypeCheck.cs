using Microsoft.Extensions.Primitives;

namespace Pipeline.Serving.Protocol;

/// <summary>The two request formats MLflow's scoring server reads.</summary>
internal enum RequestFormat
{
    Json,
    Csv,
}

/// <summary>
/// MLflow's content-type rules for <c>/invocations</c>: <c>application/json</c> or <c>text/csv</c>, an optional
/// <c>charset</c> that must be UTF-8, no other parameters; anything else is 415.
/// </summary>
internal static class ContentTypeCheck
{
    public static RequestFormat Check(string? contentType)
    {
        var parts = (contentType ?? string.Empty).Split(';', StringSplitOptions.TrimEntries);
        var format = parts[0].ToLowerInvariant() switch
        {
            "application/json" => RequestFormat.Json,
            "text/csv" => RequestFormat.Csv,
            _ => throw Unsupported(
                "This predictor only supports the following content types: Types: ['text/csv', 'application/json']. " +
                $"Got '{contentType}'."),
        };

        var unexpected = new List<string>();
        foreach (var pair in parts.Skip(1).Where(p => p.Length > 0))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = (equals < 0 ? pair : pair[..equals]).Trim().ToLowerInvariant();
            var value = equals < 0 ? string.Empty : pair[(equals + 1)..].Trim().Trim('"').ToLowerInvariant();
            if (key != "charset")
            {
                unexpected.Add(key);
            }
            else if (value is not ("utf-8" or "utf8"))
            {
                throw Unsupported("The scoring server only supports UTF-8");
            }
        }

        if (unexpected.Count > 0)
        {
            throw Unsupported(
                $"Unrecognized content type parameters: {string.Join(", ", unexpected)}. " +
                "Since MLflow 2.0 the format is chosen by the JSON field (dataframe_split, dataframe_records, instances, inputs), not by a content type parameter.");
        }

        return format;
    }

    /// <summary>
    /// Refuses (415) a body sent with a <c>Content-Encoding</c> other than <c>identity</c>: the server does not
    /// decompress, and reading gzip bytes as JSON or CSV would give a misleading error (or, for an encoding
    /// whose bytes happen to be text, score something the client did not mean).
    /// </summary>
    public static void CheckEncoding(StringValues contentEncoding)
    {
        foreach (var value in contentEncoding)
        {
            foreach (var coding in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!coding.Equals("identity", StringComparison.OrdinalIgnoreCase))
                {
                    throw Unsupported($"Content-Encoding {PythonRepr.Token(coding)} is not supported; send the request body uncompressed.");
                }
            }
        }
    }

    private static ScoringException Unsupported(string message) => new(message, ScoringErrorCodes.BadRequest, 415);
}
