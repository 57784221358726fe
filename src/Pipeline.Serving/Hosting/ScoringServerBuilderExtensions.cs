using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Hosting;
using Pipeline.Serving.Metrics;
using Pipeline.Serving.Model;
using Pipeline.Serving.PredictionLog;
using Pipeline.Serving.Protocol;

namespace Pipeline.Serving.Hosting;

/// <summary>Registers the scoring server on a <see cref="WebApplicationBuilder"/>.</summary>
public static class ScoringServerBuilderExtensions
{
    /// <summary>Short command-line switches and the option each sets.</summary>
    public static IReadOnlyDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>
    {
        ["--model"] = "Scoring:ModelUri",
        ["--host"] = "Scoring:Host",
        ["--port"] = "Scoring:Port",
        ["--body-limit"] = "Scoring:MaxRequestBodyBytes",
        ["--pool-size"] = "Scoring:EnginePoolSize",
        ["--tracking-uri"] = "Scoring:TrackingUri",
        ["--model-version"] = "Scoring:ModelVersion",
        ["--log-format"] = "Scoring:LogFormat",
        ["--instance-id"] = "Scoring:InstanceId",
        ["--max-rows"] = "Scoring:MaxRowsPerRequest",
        ["--max-concurrent-large"] = "Scoring:MaxConcurrentLargeRequests",
        ["--challenger"] = "Scoring:Challenger",
        ["--challenger-version"] = "Scoring:ChallengerVersion",
        ["--split"] = "Scoring:Split",
        ["--shadow"] = "Scoring:Shadow",
        ["--sticky-header"] = "Scoring:StickyHeader",
        ["--log-predictions"] = "Scoring:PredictionLog:Target",
        ["--log-inputs"] = "Scoring:PredictionLog:Inputs",
        ["--log-sample"] = "Scoring:PredictionLog:Sample",
        ["--log-queue-rows"] = "Scoring:PredictionLog:QueueRows",
        ["--log-rotate-mb"] = "Scoring:PredictionLog:RotateMegabytes",
        ["--log-rotate-minutes"] = "Scoring:PredictionLog:RotateMinutes",
        ["--log-period-seconds"] = "Scoring:PredictionLog:PeriodSeconds",
        ["--log-experiment"] = "Scoring:PredictionLog:Experiment",
        ["--log-artifact-root"] = "Scoring:PredictionLog:ArtifactRoot",
    };

    /// <summary>
    /// Reads <see cref="ScoringServerOptions"/> (from <paramref name="options"/> or the <c>Scoring</c> section),
    /// validates them (throwing <see cref="ScoringStartupException"/> listing every problem), makes Kestrel
    /// listen on Host:Port with the body limit, logs to the console (plain lines on a terminal, JSON lines when redirected;
    /// see <see cref="ScoringServerOptions.LogFormat"/>), and registers the model
    /// holder, the start-up loading, the metrics and <see cref="UnavailableScoringModelLoader"/> unless an
    /// <see cref="IScoringModelLoader"/> is registered (before or after this call).
    /// </summary>
    public static WebApplicationBuilder AddScoringServer(this WebApplicationBuilder builder, ScoringServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (options is null)
        {
            options = new ScoringServerOptions();
            try
            {
                builder.Configuration.GetSection(ScoringServerOptions.SectionName).Bind(options);
            }
            catch (InvalidOperationException ex)
            {
                // e.g. --port abc: the binder names the key and the value.
                throw new ScoringStartupException($"The scoring server cannot start: {ex.Message}", ex);
            }
        }

        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ScoringStartupException($"The scoring server cannot start: {string.Join(" ", problems)}");
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.AddServerHeader = false;
            KestrelListen.On(kestrel, options.Host, options.Port,
                problem => new ScoringStartupException($"The scoring server cannot start: Scoring:Host {problem}"));
        });

        builder.Logging.ClearProviders();
        if (options.LogFormat == "json" || (options.LogFormat == "auto" && Console.IsOutputRedirected))
        {
            builder.Logging.AddJsonConsole(json =>
            {
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(plain =>
            {
                plain.SingleLine = true;
                plain.UseUtcTimestamp = true;
                plain.TimestampFormat = "HH:mm:ss ";
            });
        }

        // A start that fails (model not loadable, port taken) is thrown to whoever started the server, which prints it as one
        // line; the host's own "Hosting failed to start" entry would print the same failure again with its stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

        var services = builder.Services;
        services.AddSingleton(Options.Create(options));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IScoringModelLoader, UnavailableScoringModelLoader>();
        services.AddSingleton<ScoringModelHolder>();
        services.AddSingleton<ScoringMetrics>();
        services.AddSingleton<InvocationsHandler>();
        services.AddSingleton<ChallengerRouter>();
        services.AddSingleton<LargeRequestGate>();
        services.AddHostedService<ModelLoadingService>();
        services.AddPredictionLog(options.PredictionLog);
        return builder;
    }
}
