using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Tracking;
using Pipeline.Tracking.Stores.Rest;

namespace Pipeline.Server.Tests.Stores;

/// <summary>The REST store's retries against a real flaky server on a socket: 503 and 429 are retried, MLflow errors are not.</summary>
public sealed class RestTrackingStoreRetryTests : IAsyncLifetime
{
    private readonly Queue<(int Status, string Body)> _answers = new();
    private int _calls;
    private WebApplication _app = null!;
    private Uri _uri = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(async http =>
        {
            Interlocked.Increment(ref _calls);
            var (status, body) = _answers.Count > 0 ? _answers.Dequeue() : (200, """{"experiment":{"experiment_id":"7","name":"e"}}""");
            http.Response.StatusCode = status;
            await http.Response.WriteAsync(body);
        });
        await _app.StartAsync();
        _uri = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private RestTrackingStore Store(int retries) =>
        new(_uri, new RestTrackingStoreOptions { MaxRetries = retries, InitialBackoff = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(5) });

    [Fact]
    public async Task Get_503Then429ThenOk_RetriedUntilItSucceeds()
    {
        _answers.Enqueue((503, "busy"));
        _answers.Enqueue((429, "slow down"));
        await using var store = Store(retries: 3);

        Assert.Equal("e", (await store.GetExperimentAsync("7")).Name);
        Assert.Equal(3, _calls);
    }

    [Fact]
    public async Task Get_MlflowError_NotRetried_CodeAndMessageKept()
    {
        _answers.Enqueue((404, """{"error_code":"RESOURCE_DOES_NOT_EXIST","message":"No Experiment with id=7 exists"}"""));
        await using var store = Store(retries: 3);

        var error = await Assert.ThrowsAsync<TrackingException>(() => store.GetExperimentAsync("7"));

        Assert.Equal((ErrorCode.ResourceDoesNotExist, "No Experiment with id=7 exists", 1), (error.Code, error.Message, _calls));
    }

    [Fact]
    public async Task Get_AlwaysUnavailable_GivesUpAfterRetriesWithStatus()
    {
        for (var i = 0; i < 5; i++)
            _answers.Enqueue((503, "down"));
        await using var store = Store(retries: 2);

        var error = await Assert.ThrowsAsync<TrackingException>(() => store.GetExperimentAsync("7"));

        Assert.Equal(3, _calls);
        Assert.Contains("503", error.Message);
    }
}
