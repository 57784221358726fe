using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Pipeline.Serving.Hosting;

// Wiring only: options from the command line / environment, the model loader, the endpoints.
// The ML.NET loader registers here once it exists: builder.Services.AddSingleton<IScoringModelLoader, MlNetScoringModelLoader>();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Configuration.AddCommandLine(args, ScoringServerBuilderExtensions.SwitchMappings.ToDictionary());
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
