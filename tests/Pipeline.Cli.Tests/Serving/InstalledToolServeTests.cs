using System.Text;
using System.Text.Json;
using Pipeline.Docker;

namespace Pipeline.Cli.Tests.Serving;

/// <summary>
/// docker-serve run by an installed copy of the CLI for a project outside this repository: with a real Docker engine,
/// and without one (the local-process fallback). Each serves the same answers as the packaged model offline, then
/// smoke-test checks every test row and stops the endpoint.
/// </summary>
public sealed class InstalledToolServeTests(InstalledToolWorkspace workspace) : IClassFixture<InstalledToolWorkspace>
{
    private const string NoEngine = "unix:///tmp/pipeline-no-such-engine.sock";
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [DockerFact]
    public async Task DockerServe_InstalledToolOutsideCheckout_RunsHealthyContainerThatAnswersAsOfflineAndSmokeTestRemovesIt()
    {
        var dockerHost = Environment.GetEnvironmentVariable("DOCKER_HOST");
        using var engine = DockerEngine.FromEnvironment();
        using var runner = new ContainerRunner(engine);
        var served = await workspace.RunAsync(dockerHost, "docker-serve", "--require-docker");
        CliProcess.Result smoke;
        try
        {
            Assert.True(served.ExitCode == 0, served.Output + served.Error);
            Assert.Contains("(docker)", served.Output, StringComparison.Ordinal);
            Assert.Contains($"{workspace.Project}/.cache/pipeline/serving-layout/", served.Output, StringComparison.Ordinal);
            await AssertAnswersAsOfflineAsync();
            var image = await engine.Client.Images.InspectImageAsync($"{InstalledToolWorkspace.ModelName}:1");
            Assert.Equal(["/usr/share/dotnet/dotnet", "/app/Pipeline.Serving.dll"], image.Config.Entrypoint);
            Assert.StartsWith("pipeline-minimal-base:", image.Config.Labels[ImageLabels.BaseName], StringComparison.Ordinal);
            var container = Assert.Single(await runner.ListManagedAsync(), c => c.Labels.GetValueOrDefault("pipeline.serve.model") == InstalledToolWorkspace.ModelName);
            Assert.Equal("healthy", await new ContainerRunner(engine).WaitForHealthCheckAsync(container.Id, TimeSpan.FromSeconds(30)));
        }
        finally
        {
            // Also when an assertion failed: smoke-test stops what docker-serve started.
            smoke = await workspace.RunAsync(dockerHost, "smoke-test");
        }

        Assert.True(smoke.ExitCode == 0, smoke.Output + smoke.Error);
        Assert.DoesNotContain(await runner.ListManagedAsync(), c => c.Labels.GetValueOrDefault("pipeline.serve.model") == InstalledToolWorkspace.ModelName);
        await Assert.ThrowsAsync<HttpRequestException>(() => _http.GetAsync(new Uri(workspace.Url, "/health")));
    }

    [Fact]
    public async Task DockerServe_InstalledToolWithoutEngine_ServesTheSameLayoutAsLocalProcessAndSmokeTestStopsIt()
    {
        var served = await workspace.RunAsync(NoEngine, "docker-serve");
        CliProcess.Result smoke;
        try
        {
            Assert.True(served.ExitCode == 0, served.Output + served.Error);
            Assert.Contains("No Docker engine is reachable", served.Output + served.Error, StringComparison.Ordinal);
            Assert.Contains("(process)", served.Output, StringComparison.Ordinal);
            await AssertAnswersAsOfflineAsync();
        }
        finally
        {
            smoke = await workspace.RunAsync(NoEngine, "smoke-test");
        }

        Assert.True(smoke.ExitCode == 0, smoke.Output + smoke.Error);
        Assert.Contains("Stopped server process", smoke.Output, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HttpRequestException>(() => _http.GetAsync(new Uri(workspace.Url, "/health")));
    }

    private async Task AssertAnswersAsOfflineAsync()
    {
        using var health = await _http.GetAsync(new Uri(workspace.Url, "/health"));
        Assert.True(health.IsSuccessStatusCode, $"/health answered {(int)health.StatusCode}");
        var example = workspace.Model.ReadInputExample()!;
        var request = await File.ReadAllTextAsync(Path.Combine(workspace.Model.Directory, "serving_input_example.json"));
        using var body = new StringContent(request, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(workspace.Url, "/invocations"), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        var served = JsonDocument.Parse(text).RootElement.GetProperty("predictions").EnumerateArray().Select(p => p.GetInt64()).ToArray();
        Assert.Equal(workspace.Model.Predict(example).Labels, served);
    }
}
