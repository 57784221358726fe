using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Pipeline.Server.Api;
using Pipeline.Server.Hosting;

namespace Pipeline.Server.Operations;

/// <summary>Logs each request (method, path, status, milliseconds) when enabled and records it in <see cref="ServerMetrics"/>.</summary>
internal sealed class RequestLoggingMiddleware(RequestDelegate next, ServerMetrics metrics, TrackingServerOptions options, ILogger<RequestLoggingMiddleware> logger)
{
    private static readonly HashSet<string> Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    public async Task InvokeAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(http);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            var endpoint = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "other";
            var method = Methods.Contains(http.Request.Method) ? http.Request.Method : "other";
            var errorCode = http.Items.TryGetValue(MlflowErrorMiddleware.ErrorCodeItem, out var code) ? code as string : null;
            metrics.Record(endpoint, method, http.Response.StatusCode, elapsed, errorCode);
            if (options.LogRequests && logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("{Method} {Path} {Status} {ElapsedMs:F1} ms", http.Request.Method, http.Request.Path.Value,
                    http.Response.StatusCode, elapsed.TotalMilliseconds);
            }
        }
    }
}
