using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Pipeline.Tracking;

namespace Pipeline.Server.Api;

/// <summary>
/// Turns failures into MLflow's error answer <c>{"error_code": "...", "message": "..."}</c> with MLflow's status:
/// a <see cref="TrackingException"/> keeps its code, a rejected request (body too large, bad framing) is BAD_REQUEST,
/// anything else is a logged INTERNAL_ERROR.
/// </summary>
internal sealed class MlflowErrorMiddleware(RequestDelegate next, ILogger<MlflowErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (TrackingException e)
        {
            await WriteErrorAsync(http, e.Code.ToMlflowName(), e.Message, ErrorStatus.Of(e.Code));
        }
        catch (BadHttpRequestException e)
        {
            await WriteErrorAsync(http, "BAD_REQUEST", e.Message, e.StatusCode);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody reads an answer.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Unhandled error answering {Method} {Path}", http.Request.Method, http.Request.Path);
            await WriteErrorAsync(http, "INTERNAL_ERROR", $"{e.GetType().Name}: {e.Message}", 500);
        }
    }

    /// <summary>Writes an error answer unless the response has started (then the connection is all that can be dropped).</summary>
    public static async Task WriteErrorAsync(HttpContext http, string errorCode, string message, int status)
    {
        if (http.Response.HasStarted)
        {
            http.Abort();
            return;
        }

        http.Response.Clear();
        http.Items[ErrorCodeItem] = errorCode;
        await JsonResponse.WriteAsync(http, w =>
        {
            w.WriteString("error_code", errorCode);
            w.WriteString("message", message);
        }, status);
    }

    /// <summary>The <see cref="HttpContext.Items"/> key under which the answered error code is left for metrics.</summary>
    public const string ErrorCodeItem = "mlflow.error_code";
}
