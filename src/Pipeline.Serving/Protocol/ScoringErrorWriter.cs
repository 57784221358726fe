using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Serving.Protocol;

/// <summary>Writes MLflow's error body <c>{"error_code": "...", "message": "..."}</c>.</summary>
internal static class ScoringErrorWriter
{
    /// <summary>The <see cref="HttpContext.Items"/> key under which the written error code is kept for metrics and logs.</summary>
    public const string ErrorCodeItem = "Pipeline.Serving.ErrorCode";

    public static Task WriteAsync(HttpContext context, ScoringException error) =>
        WriteAsync(context, error.StatusCode, error.ErrorCode, error.Message);

    public static async Task WriteAsync(HttpContext context, int statusCode, string errorCode, string message)
    {
        context.Items[ErrorCodeItem] = errorCode;
        var buffer = new ArrayBufferWriter<byte>(256 + message.Length);
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions.Writer))
        {
            writer.WriteStartObject();
            writer.WriteString("error_code", errorCode);
            writer.WriteString("message", message);
            writer.WriteEndObject();
        }

        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = "application/json";
        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }
}
