namespace Pipeline.Docker.Tests;

public sealed class DockerEngineTests
{
    [Fact]
    public void FromEnvironment_DockerHostSet_UsesIt()
    {
        using var engine = DockerEngine.FromEnvironment(name => name == "DOCKER_HOST" ? "unix:///tmp/x/docker.sock" : null);

        Assert.Equal(new Uri("unix:///tmp/x/docker.sock"), engine.Endpoint);
        Assert.True(engine.FromDockerHost);
    }

    [Fact]
    public void FromEnvironment_DockerHostUnset_UsesDefaultSocket()
    {
        using var engine = DockerEngine.FromEnvironment(_ => null);

        Assert.Equal(new Uri("unix:///var/run/docker.sock"), engine.Endpoint);
        Assert.False(engine.FromDockerHost);
    }

    [Fact]
    public void FromEnvironment_UnsupportedScheme_ThrowsNamingTheValue()
    {
        var error = Assert.Throws<ArgumentException>(() => DockerEngine.FromEnvironment(_ => "ssh://user@host"));

        Assert.Contains("ssh://user@host", error.Message);
    }

    [Fact]
    public async Task IsReachableAsync_NoEngineAtSocket_ReturnsReasonNamingEndpoint()
    {
        var socket = Path.Combine(Path.GetTempPath(), $"no-engine-{Guid.NewGuid():N}.sock");
        using var engine = DockerEngine.FromEnvironment(_ => "unix://" + socket);

        var result = await engine.IsReachableAsync(TimeSpan.FromSeconds(2));

        Assert.False(result.IsReachable);
        Assert.Contains(socket, result.Reason);
        Assert.Contains("DOCKER_HOST", result.Reason);
    }

    [DockerFact]
    public async Task IsReachableAsync_RunningEngine_ReportsVersions()
    {
        using var engine = DockerEngine.FromEnvironment();

        var result = await engine.IsReachableAsync();

        Assert.True(result.IsReachable, result.Reason);
        Assert.Null(result.Reason);
        Assert.False(string.IsNullOrEmpty(result.ApiVersion));
    }
}
