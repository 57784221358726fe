using Pipeline.Server.Tests.Infrastructure;
using Pipeline.Tracking.Stores.Rest;
using Pipeline.Tracking.Tests.Sweeps;

namespace Pipeline.Server.Tests.Stores;

/// <summary>
/// The trial queue contract against <see cref="RestTrackingStore"/> over a real socket to our server's
/// <c>/api/2.0/pipeline/sweeps/</c> extension on SQLite; the server's queue runs on the suite's clock.
/// </summary>
public sealed class RestTrialQueueContractTests : TrialQueueContractTests<RestTrackingStore>, IAsyncLifetime
{
    private ClockedSqliteServer? _server;

    public async Task InitializeAsync() => _server = await ClockedSqliteServer.StartAsync(ArtifactRoot, Clock);

    protected override RestTrackingStore OpenStore(TimeProvider clock) => _server!.Client();

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
