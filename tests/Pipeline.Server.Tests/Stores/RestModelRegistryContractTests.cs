using Pipeline.Server.Hosting;
using Pipeline.Tracking.Composition;
using Pipeline.Tracking.Metadata;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Stores.Sql;
using Pipeline.Tracking.Stores.Rest;
using Pipeline.Tracking.Tests.Registry;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Server.Tests.Stores;

/// <summary>The model registry contract against <see cref="RestTrackingStore"/> over a real socket to our server on SQLite (the suite's clock).</summary>
public sealed class RestModelRegistryContractTests : ModelRegistryContractTests<RestTrackingStore>
{
    private readonly TempDirectory _dir = new();
    private SqliteTrackingStore? _backend;
    private TrackingServerHost? _host;

    public override async Task InitializeAsync()
    {
        _backend = new SqliteTrackingStore(_dir.File("mlruns.db"), ArtifactRoot, Clock);
        _host = await TrackingServerHost.StartAsync(new TrackingServerOptions
        {
            BackendStoreUri = "unused://",
            ArtifactsDestination = _dir.File("mlartifacts"),
            Port = 0,
            LogRequests = false,
        }, _backend, new SqlModelRegistry(_backend), TrackingComposition.CreateDefault(new ProcessEnvironmentVariables(), Clock));
        await base.InitializeAsync();
    }

    protected override IModelRegistry RegistryOf(RestTrackingStore store) => new RestModelRegistry(store);

    protected override RestTrackingStore OpenStore(TimeProvider clock) =>
        new(_host!.BaseUri, new RestTrackingStoreOptions { MaxRetries = 0 });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_host is not null)
            await _host.DisposeAsync();
        if (_backend is not null)
            await _backend.DisposeAsync();
        _dir.Dispose();
    }
}
