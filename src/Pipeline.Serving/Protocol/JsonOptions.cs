using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pipeline.Serving.Protocol;

/// <summary>Writer settings shared by the JSON answers.</summary>
internal static class JsonOptions
{
    /// <summary>
    /// Leaves quotes, &lt; and &gt; readable (as Python's json.dumps does) instead of \u0027-escaping them: the
    /// answers are application/json, never embedded in HTML.
    /// </summary>
    public static JsonWriterOptions Writer { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
