using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Serving.Model;

namespace Pipeline.Serving.Hosting;

/// <summary>
/// The scoring server as the binary and the CLI start it: options from the command line and the environment
/// (<see cref="ServingEnvironment"/>) unless given, the ML.NET model loader, the endpoints.
/// </summary>
public static class ScoringApp
{
    /// <summary>Builds the app; <see cref="WebApplication.RunAsync(string?)"/> then loads the model and listens.</summary>
    /// <param name="args">Command-line arguments (<c>--model</c>, <c>--port</c>, ...).</param>
    /// <param name="options">Options to use instead of reading them; default null (read them).</param>
    /// <exception cref="ScoringStartupException">Bad options; a model that fails to load throws it from the start.</exception>
    public static WebApplication Build(string[] args, ScoringServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        // appsettings.json (in the current directory, the content root) is read once, not watched: the server's options are
        // fixed at start, and the watch was recursive over the whole current directory, which for `pipeline run` is the
        // project folder with every run's artifacts (thousands of folders, each walked and given an inotify watch at start).
        var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
        builder.Configuration.AddScoringSources(args, Environment.GetEnvironmentVariable);
        // Stores behind models:/ and runs:/ URIs open through the composition root, over this process's environment.
        builder.Services.AddSingleton(Pipeline.Tracking.Composition.TrackingComposition.ForProcess());
        builder.Services.AddSingleton<IScoringModelLoader, MlNetScoringModelLoader>();
        builder.AddScoringServer(options);
        var app = builder.Build();
        app.MapScoring();
        return app;
    }
}
