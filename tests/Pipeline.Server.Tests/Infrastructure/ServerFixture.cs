using Pipeline.Server.Hosting;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Server.Tests.Infrastructure;

/// <summary>A real tracking server on Kestrel at 127.0.0.1 on a free port, over a temporary SQLite database and artifact folder.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();

    public TrackingServerHost Host { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public string ArtifactsDestination => _dir.File("mlartifacts");

    /// <summary>Options for the server; override in a derived fixture (e.g. to require a token).</summary>
    public TrackingServerOptions Options => new()
    {
        BackendStoreUri = $"sqlite:///{_dir.File("mlruns.db")}",
        ArtifactsDestination = ArtifactsDestination,
        Port = 0,
        LogRequests = false,
        AuthToken = AuthToken,
    };

    public string? AuthToken { get; init; }

    public async Task InitializeAsync()
    {
        Host = await TrackingServerHost.StartAsync(Options);
        Http = new HttpClient { BaseAddress = Host.BaseUri };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        _dir.Dispose();
    }
}
