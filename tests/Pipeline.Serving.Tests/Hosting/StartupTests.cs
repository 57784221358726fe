using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Serving.Hosting;
using Pipeline.Serving.Tests.Infrastructure;
using Pipeline.Serving.Tests.TestModels;

namespace Pipeline.Serving.Tests.Hosting;

/// <summary>The server refuses to start, saying why, when options are bad or the model does not load.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Start_LoaderFails_ThrowsNamingModelUriAndCause()
    {
        var options = new ScoringServerOptions { Port = 0, ModelUri = "/models/iris/3" };

        var error = await Assert.ThrowsAsync<ScoringStartupException>(
            () => ScoringTestServer.StartAsync(new TestModelLoader(null, "MLmodel not found"), options));

        Assert.Contains("loading the model from '/models/iris/3' failed: MLmodel not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ARequestWhileTheModelLoads_WaitsAndIsAnsweredWithTheModel()
    {
        var release = new TaskCompletionSource();
        using var model = new SumThresholdTestModel(SumThresholdTestModel.DefaultSchema);
        var loader = new GatedModelLoader(release.Task, model);
        await using var app = Build(loader);

        var starting = app.StartAsync();
        await loader.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        using var client = new HttpClient { BaseAddress = new Uri(await WaitForAddressAsync(app)) };
        // Kestrel listens while the model loads; what comes meanwhile waits instead of being answered without the model.
        var health = client.GetAsync("/health");
        var version = client.GetStringAsync("/version");
        await Task.Delay(300);
        Assert.False(health.IsCompleted || version.IsCompleted || starting.IsCompleted, "nothing is answered, and the start has not ended, before the model is in");

        release.SetResult();
        await starting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await health).StatusCode);
        Assert.Equal(model.Version, await version);
        await app.StopAsync();
    }

    [Fact]
    public async Task Start_LoadFailsWhileARequestWaits_TheRequestIsAnsweredNotHealthyAndTheStartFails()
    {
        var release = new TaskCompletionSource();
        var loader = new GatedModelLoader(release.Task, failure: "model.zip is damaged");
        await using var app = Build(loader, "/models/broken/1");

        var starting = app.StartAsync();
        await loader.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        using var client = new HttpClient { BaseAddress = new Uri(await WaitForAddressAsync(app)) };
        var health = client.GetAsync("/health");

        release.SetResult();
        var error = await Assert.ThrowsAsync<ScoringStartupException>(() => starting.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("loading the model from '/models/broken/1' failed: model.zip is damaged", error.Message, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await health.WaitAsync(TimeSpan.FromSeconds(30))).StatusCode);
    }

    [Fact]
    public async Task Start_BadOptions_ThrowsListingEachProblem()
    {
        var options = new ScoringServerOptions { Port = 70000, EnginePoolSize = 0, MaxRequestBodyBytes = 0 };

        var error = await Assert.ThrowsAsync<ScoringStartupException>(() => ScoringTestServer.StartAsync(new TestModelLoader(null), options));

        Assert.Contains("Scoring:Port must be between 0 and 65535, got 70000.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Scoring:EnginePoolSize must be at least 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Scoring:MaxRequestBodyBytes must be between 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "loading the model from '/tmp/no-model' failed: There is no model directory at '/tmp/no-model'")]
    [InlineData("abc", "Scoring:Port")]
    public async Task Program_CannotStart_ExitsWithCode1AndMessage(string port, string fragment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Pipeline.Serving.dll"), "--model", "/tmp/no-model", "--port", port },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        Assert.Contains(fragment, await stderr, StringComparison.Ordinal);
        _ = await stdout;
    }

    private static Microsoft.AspNetCore.Builder.WebApplication Build(Pipeline.Serving.Model.IScoringModelLoader loader, string? modelUri = null)
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        builder.AddScoringServer(new ScoringServerOptions { Port = 0, ModelUri = modelUri });
        builder.Services.AddSingleton(loader);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapScoring();
        return app;
    }

    private static async Task<string> WaitForAddressAsync(Microsoft.AspNetCore.Builder.WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
        for (var i = 0; i < 300 && addresses.Count == 0; i++)
            await Task.Delay(100);
        return addresses.Single();
    }

    /// <summary>TEST LOADER: says it has started loading, then waits for the test before handing out the model or failing.</summary>
    private sealed class GatedModelLoader(Task release, Pipeline.Serving.Model.IScoringModel? model = null, string? failure = null)
        : Pipeline.Serving.Model.IScoringModelLoader
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Entered => _entered.Task;

        public async Task<Pipeline.Serving.Model.IScoringModel> LoadAsync(ScoringServerOptions options, CancellationToken cancellationToken)
        {
            _entered.SetResult();
            await release.WaitAsync(cancellationToken);
            return failure is null ? model! : throw new InvalidDataException(failure);
        }
    }
}
