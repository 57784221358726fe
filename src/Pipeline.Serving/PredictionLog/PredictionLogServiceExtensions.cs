using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Serving.Hosting;
using Pipeline.Serving.Metrics;
using Pipeline.Tracking.Composition;

namespace Pipeline.Serving.PredictionLog;

/// <summary>Registers the prediction log's queue, sink and background writer when it is switched on.</summary>
internal static class PredictionLogServiceExtensions
{
    public static void AddPredictionLog(this IServiceCollection services, PredictionLogOptions options)
    {
        if (!options.Enabled)
            return;
        services.AddSingleton(options);
        services.AddSingleton<PredictionLogQueue>();
        services.AddSingleton<IPredictionSink>(provider => CreateSink(provider, options));
        services.AddSingleton(provider => new PredictionLogWriter(
            provider.GetRequiredService<PredictionLogQueue>(),
            provider.GetRequiredService<IPredictionSink>(),
            new PredictionLineWriter(options.HashInputs),
            provider.GetRequiredService<ScoringMetrics>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<PredictionLogWriter>>(),
            options.ToTracking ? "the tracking store" : Path.GetFullPath(options.Target!)));
        // Registered after ModelLoadingService and before the web server's own service, so it stops after Kestrel has
        // answered its last request and can write out everything queued.
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<PredictionLogWriter>());
    }

    private static IPredictionSink CreateSink(IServiceProvider provider, PredictionLogOptions options)
    {
        if (!options.ToTracking)
        {
            var directory = Path.GetFullPath(options.Target!);
            try
            {
                // Fail at start, not at the first request, when the folder cannot be made.
                Directory.CreateDirectory(directory);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new ScoringStartupException($"The scoring server cannot start: --log-predictions '{directory}' is not a folder it can write to: {ex.Message}", ex);
            }

            return new JsonLinesDirectorySink(directory, (long)(options.RotateMegabytes * 1024 * 1024), TimeSpan.FromMinutes(options.RotateMinutes));
        }

        var serving = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ScoringServerOptions>>().Value;
        var holder = provider.GetRequiredService<ScoringModelHolder>();
        return new TrackingPredictionSink(
            provider.GetService<TrackingComposition>() ?? TrackingComposition.ForProcess(),
            serving.TrackingUri,
            options.ArtifactRoot,
            options.Experiment,
            TimeSpan.FromSeconds(options.PeriodSeconds),
            () => holder.Model?.Version ?? "");
    }
}
