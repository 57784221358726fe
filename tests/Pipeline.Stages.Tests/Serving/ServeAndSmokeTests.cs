using System.Net.Sockets;
using Pipeline.Docker;
using Pipeline.Stages.Running;
using Pipeline.Stages.Tests.EndToEnd;
using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages.Serve;
using Pipeline.Stages.Stages.Smoke;
using Pipeline.Stages.Tests.Spec;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Tests.Serving;

/// <summary>DockerServe and SmokeTest against a real store, the really published server, and (when DOCKER_HOST is set) a real engine.</summary>
[Collection("serving")]
public sealed class ServeAndSmokeTests(ServedModelStore fixture) : IClassFixture<ServedModelStore>
{
    private static readonly Func<DockerEngine> NoEngine = () => new DockerEngine(new Uri("unix:///tmp/pipeline-no-such-engine.sock"));
    private readonly RecordingReporter _reporter = new();

    private async Task<ServeOutput> ServeAsync(Func<DockerEngine>? engine, bool requireDocker = false, int? port = null) =>
        await new ServeStage(fixture.Store, fixture.Registry, fixture.Artifacts, _reporter, TimeProvider.System, engine).RunAsync(
            new ServeInput(new ModelSpec(ServedModelStore.ModelName, "champion"), new ServeSpec(port ?? FreePort(), null) { PortIsExplicit = port is not null },
                await fixture.PipelineRunAsync(), RepositoryRoot.Path, requireDocker), CancellationToken.None);

    private async Task<SmokeTestOutput> SmokeAsync(Ml.Packaging.PackagedModel model, bool keep = false) =>
        await new SmokeTestStage(fixture.Store, _reporter, TimeProvider.System).RunAsync(
            new SmokeTestInput(await fixture.PipelineRunAsync(), model, fixture.Test, keep, LatencyRequests: 50), CancellationToken.None);

    [Fact]
    public async Task ServeThenSmoke_NoEngine_ServesAsLocalProcessPassesAndStopsIt()
    {
        var served = await ServeAsync(NoEngine);

        Assert.Equal(ServingTags.ModeProcess, served.Mode);
        Assert.Contains(_reporter.Lines, l => l.StartsWith("warning: No Docker engine is reachable", StringComparison.Ordinal));
        var output = await SmokeAsync(fixture.Served);

        var run = await fixture.PipelineRunAsync();
        Assert.Equal("passed", run.Data.Tag(ServingTags.SmokeVerdict));
        Assert.Equal("stopped", run.Data.Tag(ServingTags.State));
        Assert.Contains(run.Data.Metrics, m => m.Key == "smoke.p99_ms" && m.Value > 0);
        Assert.True(output.RowsChecked > 0);
        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(served.Url, "/health")));
    }

    [Fact]
    public async Task Smoke_DifferentModelOffline_FailsWithTheDifferingRows()
    {
        await ServeAsync(NoEngine);

        var error = await Assert.ThrowsAsync<PipelineException>(() => SmokeAsync(fixture.Different));

        Assert.Contains("row", error.Message, StringComparison.Ordinal);
        Assert.Contains("served", error.Message, StringComparison.Ordinal);
        Assert.Equal("failed", (await fixture.PipelineRunAsync()).Data.Tag(ServingTags.SmokeVerdict));
    }

    [Fact]
    public async Task Serve_NoEngineButDockerRequired_FailsSayingWhy()
    {
        var error = await Assert.ThrowsAsync<PipelineException>(() => ServeAsync(NoEngine, requireDocker: true));

        Assert.Contains("--require-docker", error.Message, StringComparison.Ordinal);
        Assert.Contains("pipeline-no-such-engine.sock", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_PortAnsweredByAnotherScoringServer_FailsNamingThePort_OtherServerUntouched()
    {
        // A real scoring server already on the port (an earlier execution's, left running): forget it on our pipeline run,
        // so this DockerServe does not stop it as its own.
        var squatter = await ServeAsync(NoEngine);
        var squatterPid = int.Parse((await fixture.PipelineRunAsync()).Data.Tag(ServingTags.ProcessId)!, System.Globalization.CultureInfo.InvariantCulture);
        await fixture.Store.SetTagAsync(fixture.PipelineRunId, new Tracking.Entities.RunTag(ServingTags.State, "stopped"));
        try
        {
            var error = await Assert.ThrowsAsync<PipelineException>(() => ServeAsync(NoEngine, port: squatter.Url.Port));

            Assert.Contains($"port {squatter.Url.Port}", error.Message, StringComparison.Ordinal);
            Assert.Contains("another", error.Message, StringComparison.Ordinal);
            Assert.NotEqual("running", (await fixture.PipelineRunAsync()).Data.Tag(ServingTags.State));
            using var http = new HttpClient();
            Assert.True((await http.GetAsync(new Uri(squatter.Url, "/health"))).IsSuccessStatusCode);
        }
        finally
        {
            LocalServerProcess.Stop(squatterPid);
        }
    }

    [Fact]
    public async Task Smoke_EndpointAnswersAnotherModelVersion_FailsBeforeComparingPredictions()
    {
        // The recorded endpoint is a real server of version 1, but the pipeline packaged (and DockerServe recorded) version 2:
        // the predictions would match, so only /version can tell.
        await ServeAsync(NoEngine);
        await fixture.Store.SetTagAsync(fixture.PipelineRunId, new Tracking.Entities.RunTag(ServingTags.ModelUri, $"models:/{ServedModelStore.ModelName}/2"));

        var error = await Assert.ThrowsAsync<PipelineException>(() => SmokeAsync(fixture.Served));

        Assert.Contains($"serves '{ServedModelStore.ModelName}/1', not {ServedModelStore.ModelName}/2", error.Message, StringComparison.Ordinal);
        Assert.Contains("No prediction was compared", error.Message, StringComparison.Ordinal);
        Assert.Equal("stopped", (await fixture.PipelineRunAsync()).Data.Tag(ServingTags.State));
    }

    [DockerFact]
    public async Task ServeThenSmoke_RealEngine_RunsLabelledContainerAndRemovesIt()
    {
        var served = await ServeAsync(null, requireDocker: true);

        Assert.Equal(ServingTags.ModeDocker, served.Mode);
        Assert.Equal(["breast-cancer:1", "breast-cancer:champion"], served.ImageTags);
        using var engine = DockerEngine.FromEnvironment();
        var image = await engine.Client.Images.InspectImageAsync("breast-cancer:1");
        Assert.Equal("1", image.Config.Labels[ImageLabels.ModelVersion]);
        await SmokeAsync(fixture.Served);
        using var runner = new ContainerRunner(engine);
        Assert.DoesNotContain(await runner.ListManagedAsync(), c => c.Labels.GetValueOrDefault("pipeline.serve.model") == ServedModelStore.ModelName);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
