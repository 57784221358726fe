using Microsoft.Extensions.Configuration;

namespace Pipeline.Serving.Hosting;

/// <summary>
/// The configuration sources of the server binary, in rising precedence: the host's own (environment
/// <c>Scoring__Port</c>, ...), then what container platforms set — <c>MODEL_PATH</c> (the model, MLflow's image
/// convention), <c>ASPNETCORE_URLS</c> (one <c>http://host:port</c>) and <c>PORT</c> — used only for options not
/// already set, then the command line with the short switches.
/// </summary>
public static class ServingEnvironment
{
    /// <summary>The variable naming the listening port.</summary>
    public const string PortVariable = "PORT";

    /// <summary>The variable naming the model directory (<c>/opt/ml/model</c> in serving images).</summary>
    public const string ModelPathVariable = "MODEL_PATH";

    /// <summary>Adds the platform variables and the command line (<paramref name="args"/>) to <paramref name="configuration"/>.</summary>
    public static void AddScoringSources(this IConfigurationManager configuration, string[] args, Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(getVariable);
        var section = ScoringServerOptions.SectionName;
        var defaults = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        void Default(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value) && configuration[$"{section}:{key}"] is null)
                defaults[$"{section}:{key}"] = value.Trim();
        }

        if (Uri.TryCreate(getVariable("ASPNETCORE_URLS")?.Split(';')[0].Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal)
                .Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal), UriKind.Absolute, out var url))
        {
            Default(nameof(ScoringServerOptions.Host), url.Host.Trim('[', ']'));
            Default(nameof(ScoringServerOptions.Port), url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Default(nameof(ScoringServerOptions.ModelUri), getVariable(ModelPathVariable));
        if (!string.IsNullOrWhiteSpace(getVariable(PortVariable)))
            defaults[$"{section}:{nameof(ScoringServerOptions.Port)}"] = getVariable(PortVariable)!.Trim();
        configuration.AddInMemoryCollection(defaults);
        configuration.AddCommandLine(args.Where(a => a != HealthProbe.Switch).ToArray(), ScoringServerBuilderExtensions.SwitchMappings.ToDictionary());
    }
}
