using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Serving.Metrics;
using Pipeline.Serving.Protocol;

namespace Pipeline.Serving.Hosting;

/// <summary>Maps MLflow's scoring endpoints onto a web application.</summary>
public static class ScoringEndpoints
{
    /// <summary>The response header carrying <see cref="ScoringServerOptions.InstanceId"/>.</summary>
    public const string InstanceHeader = "Pipeline-Instance-Id";

    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>
    /// Adds the request middleware (catch-all, logs, metrics, MLflow error bodies for 404 and 405) and maps
    /// <c>POST /invocations</c>; <c>/ping</c> and <c>/health</c> (200 with body <c>"\n"</c> once the model is
    /// loaded, else 404 as MLflow), <c>/version</c> (the model's <c>Version</c> as plain text) and
    /// <c>/metrics</c> (Prometheus text format), each for GET and HEAD. Needs <c>AddScoringServer</c> on the builder.
    /// </summary>
    public static WebApplication MapScoring(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<ScoringServerOptions>>().Value.InstanceId is { Length: > 0 } instance)
        {
            app.Use((context, next) =>
            {
                context.Response.Headers[InstanceHeader] = instance;
                return next(context);
            });
        }

        // Kestrel listens while the model loads (ModelLoadingService): a request that comes meanwhile waits for the load, so
        // the server answers nothing without its model, as one that started listening only after loading would.
        var holder = app.Services.GetRequiredService<ScoringModelHolder>();
        app.Use(async (context, next) =>
        {
            if (!holder.Loaded.IsCompleted)
                await holder.Loaded.WaitAsync(context.RequestAborted).ConfigureAwait(false);
            await next(context).ConfigureAwait(false);
        });
        app.UseMiddleware<ScoringRequestMiddleware>();
        app.MapPost("/invocations", (HttpContext context, InvocationsHandler handler) => handler.HandleAsync(context));
        // Flask answers HEAD wherever it answers GET; load balancers probe health that way.
        app.MapMethods("/ping", GetOrHead, Ping);
        app.MapMethods("/health", GetOrHead, Ping);
        app.MapMethods("/version", GetOrHead, Version);
        app.MapMethods("/metrics", GetOrHead, async (HttpContext context, ScoringMetrics metrics) =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await metrics.WriteAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        });
        return app;
    }

    private static Task Version(HttpContext context, ScoringModelHolder holder)
    {
        if (holder.Model is not { } model)
        {
            return ScoringErrorWriter.WriteAsync(
                context, StatusCodes.Status404NotFound, ScoringErrorCodes.TemporarilyUnavailable, "The model is not loaded yet.");
        }

        var body = System.Text.Encoding.UTF8.GetBytes(model.Version);
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    private static IResult Ping(ScoringModelHolder holder) =>
        Results.Text("\n", "application/json", statusCode: holder.Model is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
}
