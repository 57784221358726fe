using System.Net;
using System.Net.Sockets;
using Docker.DotNet.Models;
using Xunit.Abstractions;

namespace Pipeline.Docker.Tests;

/// <summary>End to end on a real engine: the stand-in server built into the minimal image, run, probed, removed.</summary>
[Collection(DockerCollection.Name)]
public sealed class ServingContainerTests(HealthAppFixture fixture, ITestOutputHelper output) : IDisposable
{
    private readonly string _model = CreateModelDirectory();
    private readonly ContainerRunner _runner = new(fixture.Engine);
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        Directory.Delete(_model, recursive: true);
        _runner.Dispose();
        _http.Dispose();
    }

    private ServingImageOptions Options(string repository) => new()
    {
        ModelName = "Health Model", ModelVersion = "7", Alias = "champion", ImageRepository = repository,
        PublishFolder = fixture.PublishFolder, EntryPoint = HealthAppFixture.EntryPoint, ModelDirectory = _model,
        BaseImage = fixture.BaseImage!.Reference, RunId = "0123456789abcdef0123456789abcdef", GitCommit = "abc1234",
        HealthCheckInterval = TimeSpan.FromSeconds(1),
    };

    [DockerFact]
    public async Task BuildAndRun_MinimalBase_HealthyNonRootLabelledAndTagged()
    {
        var image = await new ServingImageBuilder(fixture.Engine).BuildAsync(Options("pipeline-test-health"), output.WriteLine);
        var running = await _runner.RunAsync(new ContainerRunOptions { Image = image.Tags[0], Port = FreePort() });
        output.WriteLine($"base image: {fixture.BaseImage!.Reference} cached={fixture.BaseImage.WasCached} in {fixture.BaseImage.Elapsed.TotalSeconds:0.00} s; " +
                         $"publish (or cache hit) {fixture.PublishTime.TotalSeconds:0.0} s");
        output.WriteLine($"serving image built in {image.Elapsed.TotalSeconds:0.00} s, {image.SizeBytes / 1e6:0.0} MB; healthy {running.TimeToHealthy.TotalSeconds:0.00} s after start");

        Assert.Equal(["pipeline-test-health:7", "pipeline-test-health:champion"], image.Tags);
        var inspected = await fixture.Engine.Client.Images.InspectImageAsync("pipeline-test-health:champion");
        Assert.Equal(image.Id, inspected.ID);
        Assert.Equal("10001:10001", inspected.Config.User);
        Assert.Equal("Health Model", inspected.Config.Labels[ImageLabels.ModelName]);
        Assert.Equal("7", inspected.Config.Labels[ImageLabels.Version]);
        Assert.Equal("abc1234", inspected.Config.Labels[ImageLabels.Revision]);
        Assert.Equal("0123456789abcdef0123456789abcdef", inspected.Config.Labels[ImageLabels.RunId]);
        Assert.Equal("pong", await _http.GetStringAsync(new Uri(running.Url, "/ping")));
        // Runs as the image's user, with a writable /tmp and home (the server writes a probe file to each).
        Assert.Equal("app /home/app", await _http.GetStringAsync(new Uri(running.Url, "/whoami")));
        Assert.Equal("flavors: {}\n", await _http.GetStringAsync(new Uri(running.Url, "/model")));
        Assert.Equal("healthy", await _runner.WaitForHealthCheckAsync(running.Id, TimeSpan.FromSeconds(20)));

        await _runner.StopAsync(running.Id);
        Assert.DoesNotContain(await _runner.ListManagedAsync(), c => c.Id == running.Id);
    }

    [DockerFact]
    public async Task Build_FailingDockerfileStep_ThrowsWithTheStepAndLogTail()
    {
        var options = Options("pipeline-test-broken") with { AdditionalInstructions = ["COPY no-such-file /nowhere"] };

        var error = await Assert.ThrowsAsync<DockerOperationException>(() => new ServingImageBuilder(fixture.Engine).BuildAsync(options));
        output.WriteLine(error.Message);

        Assert.Contains("building pipeline-test-broken:7 failed", error.Message);
        Assert.Contains("no-such-file", error.Message);
        Assert.Contains("Step", error.Message);
    }

    [DockerFact]
    public async Task Run_ServerExitsAtStart_ThrowsWithExitCodeAndLogsAndRemovesIt()
    {
        var image = await new ServingImageBuilder(fixture.Engine).BuildAsync(Options("pipeline-test-health"));

        var error = await Assert.ThrowsAsync<DockerOperationException>(() => _runner.RunAsync(
            new ContainerRunOptions { Image = image.Tags[0], Port = FreePort(), Arguments = ["--fail-start"] }));
        output.WriteLine(error.Message);

        Assert.Contains("exited with code 3", error.Message);
        Assert.Contains("boom: the model could not be loaded", error.Message);
        Assert.Empty(await _runner.ListManagedAsync());
    }

    [DockerFact]
    public async Task Run_NeverHealthy_TimesOutWithStatusAndLogs()
    {
        var image = await new ServingImageBuilder(fixture.Engine).BuildAsync(Options("pipeline-test-health"));

        var error = await Assert.ThrowsAsync<DockerOperationException>(() => _runner.RunAsync(new ContainerRunOptions
        {
            Image = image.Tags[0], Port = FreePort(), Arguments = ["--never-healthy"], HealthTimeout = TimeSpan.FromSeconds(20),
        }));

        // 20 s: long enough for the app to start answering (503) on a loaded CI machine, so the last status is an HTTP one.
        Assert.Contains("not healthy within 20 s", error.Message);
        Assert.Contains("HTTP 503", error.Message);
        Assert.Contains("Container logs", error.Message);
    }

    [DockerFact]
    public async Task RemoveManagedAsync_RunningContainers_RemovesAllItCreated()
    {
        var image = await new ServingImageBuilder(fixture.Engine).BuildAsync(Options("pipeline-test-health"));
        await _runner.RunAsync(new ContainerRunOptions { Image = image.Tags[0], Port = FreePort(), Labels = new Dictionary<string, string> { ["purpose"] = "a" } });
        await _runner.RunAsync(new ContainerRunOptions { Image = image.Tags[0], Port = FreePort(), Labels = new Dictionary<string, string> { ["purpose"] = "b" } });
        Assert.Equal(["a", "b"], (await _runner.ListManagedAsync()).Select(c => c.Labels["purpose"]).Order());

        var removed = await _runner.RemoveManagedAsync();

        Assert.Equal(2, removed);
        Assert.Empty(await _runner.ListManagedAsync());
    }

    [DockerFact]
    public async Task BuildAsync_Rebuild_RemovesTheImageItReplaced()
    {
        var builder = new ServingImageBuilder(fixture.Engine);
        var first = await builder.BuildAsync(Options("pipeline-test-rebuild"));
        await Task.Delay(1100); // the creation label has a one-second resolution

        var second = await builder.BuildAsync(Options("pipeline-test-rebuild"));

        Assert.NotEqual(first.Id, second.Id);
        var images = await fixture.Engine.Client.Images.ListImagesAsync(new ImagesListParameters { All = true });
        Assert.DoesNotContain(images, i => i.ID == first.Id);
        Assert.Contains(images, i => i.ID == second.Id);
    }

    [DockerFact]
    public async Task EnsureAsync_SameContent_IsCachedAndKeepsReference()
    {
        var again = await new MinimalBaseImageBuilder(fixture.Engine).EnsureAsync(new MinimalBaseImageOptions { PublishFolder = fixture.PublishFolder });

        Assert.True(again.WasCached);
        Assert.Equal(fixture.BaseImage!.Reference, again.Reference);
        Assert.Contains(again.Libraries, l => l.EndsWith("/libgomp.so.1", StringComparison.Ordinal));
        var inspected = await fixture.Engine.Client.Images.InspectImageAsync(again.Reference);
        Assert.Equal(again.ContentHash, inspected.Config.Labels[ImageLabels.BaseHash]);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string CreateModelDirectory()
    {
        var folder = Directory.CreateTempSubdirectory("model-").FullName;
        File.WriteAllText(Path.Combine(folder, "MLmodel"), "flavors: {}\n");
        return folder;
    }
}
