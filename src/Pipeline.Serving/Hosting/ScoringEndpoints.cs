using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pipeline.Serving.Metrics;
using Pipeline.Serving.Protocol;

namespace Pipeline.Serving.Hosting;

/// <summary>Maps MLflow's scoring endpoints onto a web application.</summary>
public static class ScoringEndpoints
{
    /// <summary>
    /// Adds the request middleware (catch-all, logs, metrics) and maps <c>POST /invocations</c>,
    /// <c>GET /ping</c> and <c>GET /health</c> (200 with body <c>"\n"</c> once the model is loaded, else 404 as
    /// MLflow), <c>GET /version</c> (the model's <c>Version</c> as plain text) and <c>GET /metrics</c>
    /// (Prometheus text format). Needs <c>AddScoringServer</c> on the builder.
    /// </summary>
    public static WebApplication MapScoring(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<ScoringRequestMiddleware>();
        app.MapPost("/invocations", (HttpContext context, InvocationsHandler handler) => handler.HandleAsync(context));
        app.MapGet("/ping", Ping);
        app.MapGet("/health", Ping);
        app.MapGet("/version", (ScoringModelHolder holder) => holder.Model is { } model
            ? Results.Text(model.Version, "text/plain; charset=utf-8")
            : Results.NotFound());
        app.MapGet("/metrics", async (HttpContext context, ScoringMetrics metrics) =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await metrics.WriteAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        });
        return app;
    }

    private static IResult Ping(ScoringModelHolder holder) =>
        Results.Text("\n", "application/json", statusCode: holder.Model is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
}
