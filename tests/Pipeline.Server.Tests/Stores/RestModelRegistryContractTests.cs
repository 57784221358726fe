using Pipeline.Server.Tests.Infrastructure;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores.Rest;
using Pipeline.Tracking.Tests.Registry;

namespace Pipeline.Server.Tests.Stores;

/// <summary>The model registry contract against <see cref="RestTrackingStore"/> over a real socket to our server on SQLite (the suite's clock).</summary>
public sealed class RestModelRegistryContractTests : ModelRegistryContractTests<RestTrackingStore>
{
    private ClockedSqliteServer? _server;

    public override async Task InitializeAsync()
    {
        _server = await ClockedSqliteServer.StartAsync(ArtifactRoot, Clock);
        await base.InitializeAsync();
    }

    protected override IModelRegistry RegistryOf(RestTrackingStore store) => new RestModelRegistry(store);

    protected override RestTrackingStore OpenStore(TimeProvider clock) => _server!.Client();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
