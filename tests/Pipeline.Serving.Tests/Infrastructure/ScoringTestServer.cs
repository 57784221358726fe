using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Serving.Hosting;
using Pipeline.Serving.Model;
using Pipeline.Serving.Tests.TestModels;

namespace Pipeline.Serving.Tests.Infrastructure;

/// <summary>The real app on Kestrel at 127.0.0.1 with a free port, and an HttpClient talking to it over a socket.</summary>
internal sealed class ScoringTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScoringTestServer(WebApplication app, HttpClient client, CapturingLoggerProvider logs)
    {
        _app = app;
        Client = client;
        Logs = logs;
    }

    public HttpClient Client { get; }

    public CapturingLoggerProvider Logs { get; }

    public static Task<ScoringTestServer> StartAsync(IScoringModel model, long maxBody = 1024 * 1024) =>
        StartAsync(new TestModelLoader(model), new ScoringServerOptions { Port = 0, MaxRequestBodyBytes = maxBody, EnginePoolSize = 4 });

    public static async Task<ScoringTestServer> StartAsync(IScoringModelLoader loader, ScoringServerOptions options)
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddScoringServer(options);
        builder.Services.AddSingleton(loader);
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs);
        var app = builder.Build();
        app.MapScoring();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        return new ScoringTestServer(app, client, logs);
    }

    public Task<HttpResponseMessage> PostJsonAsync(string json) => PostAsync(json, "application/json");

    public Task<HttpResponseMessage> PostAsync(string body, string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return Client.PostAsync("/invocations", content);
    }

    /// <summary>Posts and returns the status and the parsed JSON answer.</summary>
    public async Task<(int Status, JsonElement Body)> ScoreAsync(string body, string contentType = "application/json")
    {
        using var response = await PostAsync(body, contentType);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return ((int)response.StatusCode, document.RootElement.Clone());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
