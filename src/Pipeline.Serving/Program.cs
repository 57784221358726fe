using Pipeline.Serving.Hosting;

// Wiring only: the health probe mode, else the server with options from the environment and command line.
if (HealthProbe.IsRequested(args))
    return await HealthProbe.RunAsync(args, Environment.GetEnvironmentVariable, Console.Error);
try
{
    var app = ScoringApp.Build(args);
    try
    {
        await app.RunAsync();
    }
    catch (IOException e) when (PortInUse.Is(e))
    {
        var options = app.Services.GetService(typeof(Microsoft.Extensions.Options.IOptions<ScoringServerOptions>)) as Microsoft.Extensions.Options.IOptions<ScoringServerOptions>;
        await Console.Error.WriteLineAsync("The scoring server cannot start: " + PortInUse.Message(options?.Value.Host ?? "?", options?.Value.Port ?? 0, "--port (Scoring__Port)"));
        return 1;
    }

    return 0;
}
catch (ScoringStartupException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}
