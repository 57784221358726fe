using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Pipeline.Serving.Metrics;
using Pipeline.Serving.Protocol;

namespace Pipeline.Serving.Hosting;

/// <summary>
/// Wraps every request: the catch-all that turns an unexpected exception (a server or model bug, never a bad
/// request) into 500 INTERNAL_ERROR without leaking details, Kestrel's own request errors into their 4xx,
/// then one structured log line and the Prometheus counters per request.
/// </summary>
internal sealed partial class ScoringRequestMiddleware(
    RequestDelegate next,
    ScoringMetrics metrics,
    TimeProvider time,
    ILogger<ScoringRequestMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = time.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
            if (!context.Response.HasStarted && context.Response.StatusCode is StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed)
            {
                await WriteRoutingErrorAsync(context).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            context.Response.StatusCode = 499;
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            await ScoringErrorWriter.WriteAsync(context, ex.StatusCode, ScoringErrorCodes.BadRequest, ex.Message).ConfigureAwait(false);
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            LogFault(logger, ex, context.Request.Method, context.Request.Path);
            await ScoringErrorWriter.WriteAsync(
                context,
                StatusCodes.Status500InternalServerError,
                ScoringErrorCodes.InternalError,
                $"The server failed while answering this request ({ex.GetType().Name}); see the server log, trace id {context.TraceIdentifier}.").ConfigureAwait(false);
        }
        finally
        {
            var elapsed = time.GetElapsedTime(started);
            var path = ScoringMetrics.PathLabel(context.Request.Path.Value);
            var status = context.Response.StatusCode;
            var errorCode = context.Items.TryGetValue(ScoringErrorWriter.ErrorCodeItem, out var code) ? code as string : null;
            metrics.RecordRequest(path, context.Request.Method, status, elapsed);
            if (status >= 400)
            {
                metrics.RecordError(path, errorCode ?? status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            LogRequest(logger, context.Request.Method, path, status, errorCode, elapsed.TotalMilliseconds, context.Request.ContentLength);
        }
    }

    /// <summary>Routing's bare 404 and 405 get MLflow's error body like every other client error.</summary>
    private static Task WriteRoutingErrorAsync(HttpContext context)
    {
        var request = context.Request;
        const string endpoints = "POST /invocations, GET /ping, /health, /version, /metrics";
        return context.Response.StatusCode == StatusCodes.Status404NotFound
            ? ScoringErrorWriter.WriteAsync(
                context, StatusCodes.Status404NotFound, ScoringErrorCodes.EndpointNotFound,
                $"No endpoint at this path; the scoring server answers {endpoints}.")
            : ScoringErrorWriter.WriteAsync(
                context, StatusCodes.Status405MethodNotAllowed, ScoringErrorCodes.BadRequest,
                $"Method {Cut(request.Method)} is not allowed on {ScoringMetrics.PathLabel(request.Path.Value)}; the scoring server answers {endpoints}.");
    }

    private static string Cut(string text) => text.Length <= 16 ? text : text[..16] + "...";

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} answered {StatusCode} {ErrorCode} in {ElapsedMs} ms ({RequestBytes} bytes in)")]
    private static partial void LogRequest(ILogger logger, string method, string path, int statusCode, string? errorCode, double elapsedMs, long? requestBytes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure answering {Method} {Path}")]
    private static partial void LogFault(ILogger logger, Exception exception, string method, string path);
}
