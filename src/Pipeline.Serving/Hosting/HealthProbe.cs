using Microsoft.Extensions.Configuration;

namespace Pipeline.Serving.Hosting;

/// <summary>
/// The binary's <c>--healthcheck</c> mode, for images without a shell or curl: GETs <c>/health</c> of the server
/// these options describe (an any-address host is probed on loopback) and gives the exit code, 0 for a 2xx answer
/// within 3 s, else 1.
/// </summary>
public static class HealthProbe
{
    /// <summary>The switch that selects this mode.</summary>
    public const string Switch = "--healthcheck";

    /// <summary>True when <paramref name="args"/> asks for the probe.</summary>
    public static bool IsRequested(IEnumerable<string> args) => args.Contains(Switch, StringComparer.Ordinal);

    /// <summary>Reads the options as the server does (environment, then <paramref name="args"/>) and probes.</summary>
    public static async Task<int> RunAsync(string[] args, Func<string, string?> getVariable, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var configuration = new ConfigurationManager();
        configuration.AddEnvironmentVariables();
        configuration.AddScoringSources(args, getVariable);
        var options = new ScoringServerOptions();
        configuration.GetSection(ScoringServerOptions.SectionName).Bind(options);
        var host = options.Host switch
        {
            "*" or "0.0.0.0" or "localhost" => "127.0.0.1",
            "::" => "[::1]",
            var h when h.Contains(':', StringComparison.Ordinal) => $"[{h}]",
            var h => h,
        };
        var url = new Uri($"http://{host}:{options.Port}/health");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(url).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
                return 0;
            await error.WriteLineAsync($"{url} answered {(int)response.StatusCode}.").ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await error.WriteLineAsync($"{url} did not answer: {e.Message}").ConfigureAwait(false);
        }

        return 1;
    }
}
