using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Serving.Hosting;
using Pipeline.Serving.Model;

// Wiring only: the health probe mode, options from the environment / command line, the model loader, the endpoints.
if (HealthProbe.IsRequested(args))
    return await HealthProbe.RunAsync(args, Environment.GetEnvironmentVariable, Console.Error);
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Configuration.AddScoringSources(args, Environment.GetEnvironmentVariable);
    builder.Services.AddSingleton<IScoringModelLoader, MlNetScoringModelLoader>();
    builder.AddScoringServer();
    var app = builder.Build();
    app.MapScoring();
    await app.RunAsync();
    return 0;
}
catch (ScoringStartupException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}
