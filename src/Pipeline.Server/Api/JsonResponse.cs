using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Server.Api;

/// <summary>Writes a JSON object straight into the response pipe with a hand-written body (no reflection, no buffering copy).</summary>
internal static class JsonResponse
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        SkipValidation = true,
        // As Python's json: quotes and non-ASCII text are written as they are; the content type is JSON, never HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <c>{ ...body... }</c> with status 200 (or <paramref name="status"/>).</summary>
    public static async Task WriteAsync(HttpContext http, Action<Utf8JsonWriter>? body, int status = StatusCodes.Status200OK)
    {
        var response = http.Response;
        response.StatusCode = status;
        response.ContentType = "application/json";
        using (var w = new Utf8JsonWriter(response.BodyWriter, WriterOptions))
        {
            w.WriteStartObject();
            body?.Invoke(w);
            w.WriteEndObject();
        }

        await response.BodyWriter.FlushAsync(http.RequestAborted);
    }

    /// <summary>The empty answer <c>{}</c> of MLflow's write endpoints.</summary>
    public static Task EmptyAsync(HttpContext http) => WriteAsync(http, null);
}
