using System.Net;
using System.Net.Sockets;
using Pipeline.Stages.Running;
using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages.Serve;
using Pipeline.Stages.Tests.EndToEnd;

namespace Pipeline.Stages.Tests.Serving;

/// <summary>DockerServe's port: a taken port named in the pipeline file is an error naming serve.port; a taken default gives way to a free one.</summary>
public sealed class ServePortTests
{
    [Fact]
    public void Choose_APortThePipelineFileNames_WhenTaken_FailsNamingThePortAndServePort()
    {
        using var taken = Listen(out var port);

        var error = Assert.Throws<PipelineException>(() => ServePort.Choose(new ServeSpec(port, null) { PortIsExplicit = true }, new RecordingReporter()));

        Assert.Equal($"DockerServe: port {port} is already in use by another process; free it or choose another with serve.port in the pipeline file.", error.Message);
    }

    [Fact]
    public void Choose_TheDefaultPort_WhenTaken_PicksAFreePortAndSaysWhich()
    {
        using var taken = Listen(out var port);
        var reporter = new RecordingReporter();

        var chosen = ServePort.Choose(new ServeSpec(port, null), reporter);

        Assert.NotEqual(port, chosen);
        Assert.True(ServePort.IsFree(chosen));
        Assert.Contains($"port {port} is already in use by another process; serving on the free port {chosen} instead", Assert.Single(reporter.Lines));
    }

    [Fact]
    public void Choose_AFreePort_KeepsIt()
    {
        int port;
        using (Listen(out port)) { }

        Assert.Equal(port, ServePort.Choose(new ServeSpec(port, null) { PortIsExplicit = true }, new RecordingReporter()));
    }

    private static TcpListener Listen(out int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return listener;
    }
}
