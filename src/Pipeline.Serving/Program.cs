using Pipeline.Serving.Hosting;

// Wiring only: the health probe mode, else the server with options from the environment and command line.
if (HealthProbe.IsRequested(args))
    return await HealthProbe.RunAsync(args, Environment.GetEnvironmentVariable, Console.Error);
try
{
    await ScoringApp.Build(args).RunAsync();
    return 0;
}
catch (ScoringStartupException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}
