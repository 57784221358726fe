using System.Net.Sockets;
using Docker.DotNet.Models;
using Pipeline.Docker;
using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages.Serve;
using Pipeline.Stages.Stages.Smoke;
using Pipeline.Stages.Tests.EndToEnd;
using Pipeline.Stages.Tests.Spec;

namespace Pipeline.Stages.Tests.Serving;

/// <summary>
/// DockerServe with <c>serve.base_image</c> on a real engine, against <see cref="AspNetStandInImage"/> (the official
/// ASP.NET image's contract, built locally since no registry is reachable), then SmokeTest checking every test row.
/// </summary>
[Collection("serving")]
public sealed class StandardBaseImageServeTests(ServedModelStore fixture) : IClassFixture<ServedModelStore>
{
    private readonly RecordingReporter _reporter = new();

    [DockerFact]
    public async Task ServeThenSmoke_AspNetBaseImage_RunsTheFrameworkDependentServerOnItsDotnetAsAppHealthyAndRemovesIt()
    {
        using var engine = DockerEngine.FromEnvironment();
        await AspNetStandInImage.EnsureAsync(engine);
        var serve = new ServeSpec(FreePort(), AspNetStandInImage.Reference);

        var served = await new ServeStage(fixture.Store, fixture.Registry, fixture.Artifacts, _reporter, TimeProvider.System).RunAsync(
            new ServeInput(new ModelSpec(ServedModelStore.ModelName, "champion"), serve, await fixture.PipelineRunAsync(), RepositoryRoot.Path, true),
            CancellationToken.None);
        try
        {
            Assert.Equal(ServingTags.ModeDocker, served.Mode);
            var image = await engine.Client.Images.InspectImageAsync(served.ImageTags[0]);
            Assert.Equal(AspNetStandInImage.Reference, image.Config.Labels[ImageLabels.BaseName]);
            Assert.Equal("app", image.Config.User);
            Assert.Equal(["dotnet", "/app/Pipeline.Serving.dll"], image.Config.Entrypoint);
            Assert.Contains(_reporter.Lines, l => l.Contains("serving-publish", StringComparison.Ordinal) && l.Contains("-fd", StringComparison.Ordinal));

            var container = await engine.Client.Containers.InspectContainerAsync(RunTag(await fixture.PipelineRunAsync(), ServingTags.ContainerId));
            // The engine runs here, so the container's process is a host process: its real uid and command line are readable.
            var status = await File.ReadAllLinesAsync($"/proc/{container.State.Pid}/status");
            Assert.Equal($"{AspNetStandInImage.AppUid}", status.Single(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t')[1]);
            var command = (await File.ReadAllTextAsync($"/proc/{container.State.Pid}/cmdline")).Split('\0', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(["dotnet", "/app/Pipeline.Serving.dll"], command);
            var maps = await File.ReadAllTextAsync($"/proc/{container.State.Pid}/maps");
            Assert.Contains("/usr/share/dotnet/shared/Microsoft.NETCore.App/", maps, StringComparison.Ordinal);
            Assert.Equal("healthy", await new ContainerRunner(engine).WaitForHealthCheckAsync(container.ID, TimeSpan.FromSeconds(30)));
            // The base's ASPNETCORE_HTTP_PORTS=8080 is cleared: the server binds the configured port without a warning.
            using var logs = await engine.Client.Containers.GetContainerLogsAsync(container.ID, tty: false,
                new ContainerLogsParameters { ShowStdout = true, ShowStderr = true });
            var (stdout, stderr) = await logs.ReadOutputToEndAsync(CancellationToken.None);
            var log = stdout + stderr;
            Assert.Matches($"Now listening on: http://[^\"]+:{serve.Port}\"", log);
            Assert.False(log.Contains("HTTP_PORTS", StringComparison.Ordinal), log);
        }
        finally
        {
            // Also when an assertion failed: SmokeTest stops what DockerServe started.
            await new SmokeTestStage(fixture.Store, _reporter, TimeProvider.System).RunAsync(
                new SmokeTestInput(await fixture.PipelineRunAsync(), fixture.Served, fixture.Test, false, LatencyRequests: 10), CancellationToken.None);
        }

        Assert.Equal("passed", (await fixture.PipelineRunAsync()).Data.Tag(ServingTags.SmokeVerdict));
        using var runner = new ContainerRunner(engine);
        Assert.DoesNotContain(await runner.ListManagedAsync(), c => c.Labels.GetValueOrDefault(DockerServing.ModelLabel) == ServedModelStore.ModelName);
    }

    private static string RunTag(Tracking.Entities.Run run, string key) =>
        run.Data.Tag(key) ?? throw new InvalidOperationException($"The pipeline run has no tag {key}.");

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
