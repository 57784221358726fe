using Pipeline.Server.Hosting;
using Pipeline.Server.Tests.Infrastructure;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Composition;
using Pipeline.Tests.Shared.ObjectStores;
using Pipeline.Tracking.Tests.Artifacts.Contract;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Server.Tests.Artifacts;

/// <summary>The artifact-repository contract through a real tracking server's proxy (mlflow-artifacts:) onto a local destination.</summary>
public sealed class ProxyArtifactRepositoryContractTests(ServerFixture server) : ArtifactRepositoryContractTests, IClassFixture<ServerFixture>
{
    protected override Task<IArtifactRepository> OpenFreshAsync() =>
        Task.FromResult<IArtifactRepository>(new HttpArtifactRepository($"mlflow-artifacts:/contract-{Guid.NewGuid():N}", server.Host.BaseUri, server.Http));
}

/// <summary>The same contract through the proxy when the server's <c>--artifacts-destination</c> is an S3 bucket: the proxy streams both ways.</summary>
[RequiresVariable(ObjectStoreTestEnvironment.S3Variable, ObjectStoreTestEnvironment.S3SkipMessage)]
public sealed class S3ProxyArtifactRepositoryContractTests(S3ProxyServerFixture server) : ArtifactRepositoryContractTests, IClassFixture<S3ProxyServerFixture>
{
    protected override Task<IArtifactRepository> OpenFreshAsync() =>
        Task.FromResult<IArtifactRepository>(new HttpArtifactRepository($"mlflow-artifacts:/contract-{Guid.NewGuid():N}", server.Host.BaseUri, server.Http));
}

/// <summary>A tracking server over SQLite whose artifact proxy stores in a fresh prefix of the S3 emulator's bucket.</summary>
public sealed class S3ProxyServerFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();

    public TrackingServerHost Host { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Without the emulator the class's tests are skipped; nothing to start.
        if (ObjectStoreTestEnvironment.S3Endpoint is null)
            return;
        var options = new TrackingServerOptions
        {
            BackendStoreUri = $"sqlite:///{_dir.File("mlruns.db")}",
            ArtifactsDestination = ObjectStoreTestEnvironment.NewS3Root("proxy"),
            Port = 0,
            LogRequests = false,
        };
        var composition = TrackingComposition.CreateDefault(ObjectStoreTestEnvironment.Environment(ObjectStoreTestEnvironment.S3Variables()));
        Host = await TrackingServerHost.StartAsync(options, composition);
        Http = new HttpClient { BaseAddress = Host.BaseUri };
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (Host is not null)
            await Host.DisposeAsync();
        _dir.Dispose();
    }
}
