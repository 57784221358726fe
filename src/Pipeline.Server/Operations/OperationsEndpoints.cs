using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prometheus;

namespace Pipeline.Server.Operations;

/// <summary><c>GET /health</c> (<c>OK</c>), <c>GET /version</c> (the server's version) and <c>GET /metrics</c> (Prometheus text).</summary>
internal static class OperationsEndpoints
{
    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => Results.Text("OK"));
        app.MapGet("/version", () => Results.Text(Version));
        app.MapGet("/metrics", async (HttpContext http, ServerMetrics metrics) =>
        {
            http.Response.ContentType = PrometheusConstants.ExporterContentTypeValue.ToString();
            await metrics.Registry.CollectAndExportAsTextAsync(http.Response.Body, http.RequestAborted);
        });
        return app;
    }

    /// <summary>The informational version of the server assembly (e.g. <c>0.1.0</c>), without build metadata.</summary>
    public static string Version { get; } =
        (typeof(OperationsEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}
