using System.Diagnostics;
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
}
