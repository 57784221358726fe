using Pipeline.Server.Tests.Infrastructure;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Stores.Rest;
using Pipeline.Tracking.Tests.Stores;

namespace Pipeline.Server.Tests.Stores;

/// <summary>
/// The whole tracking store contract against <see cref="RestTrackingStore"/> talking over a real socket to our server,
/// which is backed by SQLite using the suite's clock and run-name generator: the REST path must behave exactly as the
/// store behind it, errors included.
/// </summary>
public sealed class RestTrackingStoreContractTests : TrackingStoreContractTests
{
    private ClockedSqliteServer? _server;

    protected override async Task<ITrackingStore> OpenStoreAsync(TimeProvider clock, IRunNameGenerator names)
    {
        _server = await ClockedSqliteServer.StartAsync(ArtifactRoot, clock, names);
        return _server.Client();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
