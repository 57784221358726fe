using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Server.Api;
using Pipeline.Server.Artifacts;
using Pipeline.Server.Dashboard;
using Pipeline.Server.Operations;
using Pipeline.Tracking;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;

namespace Pipeline.Server.Hosting;

/// <summary>The tracking server's wiring: services on the builder, middleware and endpoint groups on the app.</summary>
public static class TrackingServerApp
{
    /// <summary>
    /// Registers the store and the model registry (neither disposed by the container), the options, the clock, metrics,
    /// the artifact repositories of every scheme <paramref name="artifacts"/> knows (from the composition root), and
    /// console logging (warnings, plus one line per request when enabled).
    /// </summary>
    public static WebApplicationBuilder AddTrackingServer(this WebApplicationBuilder builder, TrackingServerOptions options, ITrackingStore store,
        IModelRegistry registry, ArtifactRepositoryRegistry artifacts, TimeProvider time)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter(typeof(RequestLoggingMiddleware).FullName, options.LogRequests ? LogLevel.Information : LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        // A start that fails (port taken) is thrown to the caller, which says so in one line; the host's own "Hosting
        // failed to start" entry would repeat it with the whole stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(registry);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton<ServerMetrics>();
        builder.Services.AddSingleton<MetricWriteBatcher>();
        builder.Services.AddSingleton(artifacts);
        builder.Services.AddSingleton<ServerArtifacts>();
        return builder;
    }

    /// <summary>Middleware (request log and metrics, MLflow errors, authentication) and every endpoint group.</summary>
    public static WebApplication MapTrackingServer(this WebApplication app, TrackingServerOptions options)
    {
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseMiddleware<MlflowErrorMiddleware>();
        app.UseMiddleware<AuthenticationMiddleware>();

        app.MapGroup("/api/2.0/mlflow").MapTracking();
        app.MapGroup("/ajax-api/2.0/mlflow").MapTracking();
        // Not MLflow's: the trial queue of distributed sweeps (an MLflow server answers these paths 404).
        app.MapGroup("/api/2.0/pipeline/sweeps").MapTrialQueue();
        if (options.ServeArtifacts)
        {
            app.MapGroup("/api/2.0/mlflow-artifacts").MapArtifactProxy();
            app.MapGroup("/ajax-api/2.0/mlflow-artifacts").MapArtifactProxy();
        }

        app.MapOperations();
        app.MapDashboard();
        app.MapFallback("/api/{**rest}", NotFound);
        app.MapFallback("/ajax-api/{**rest}", NotFound);
        return app;
    }

    private static Task NotFound(HttpContext http) =>
        MlflowErrorMiddleware.WriteErrorAsync(http, "ENDPOINT_NOT_FOUND", $"No API endpoint {http.Request.Method} {http.Request.Path}", StatusCodes.Status404NotFound);
}
