using Pipeline.Server.Hosting;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Stores.Rest;
using Pipeline.Tracking.Tests.Stores;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Server.Tests.Stores;

/// <summary>
/// The whole tracking store contract against <see cref="RestTrackingStore"/> talking over a real socket to our server,
/// which is backed by SQLite using the suite's clock and run-name generator: the REST path must behave exactly as the
/// store behind it, errors included.
/// </summary>
public sealed class RestTrackingStoreContractTests : TrackingStoreContractTests
{
    private readonly TempDirectory _dir = new();
    private SqliteTrackingStore? _backend;
    private TrackingServerHost? _host;

    protected override async Task<ITrackingStore> OpenStoreAsync(TimeProvider clock, IRunNameGenerator names)
    {
        _backend = new SqliteTrackingStore(_dir.File("mlruns.db"), ArtifactRoot, clock, names);
        _host = await TrackingServerHost.StartAsync(new TrackingServerOptions
        {
            BackendStoreUri = "unused://",
            ArtifactsDestination = _dir.File("mlartifacts"),
            Port = 0,
            LogRequests = false,
        }, _backend, new Pipeline.Tracking.Stores.Sql.SqlModelRegistry(_backend), Pipeline.Tracking.Composition.TrackingComposition.CreateDefault(new Pipeline.Tracking.Metadata.ProcessEnvironmentVariables(), clock));
        return new RestTrackingStore(_host.BaseUri, new RestTrackingStoreOptions { MaxRetries = 0 });
    }

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
