using Pipeline.Server.Hosting;
using Pipeline.Tracking.Composition;
using Pipeline.Tracking.Metadata;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Stores.Rest;
using Pipeline.Tracking.Stores.Sql;
using Pipeline.Tracking.Tests.Stores.Infrastructure;
using Pipeline.Tracking.Tests.Sweeps;

namespace Pipeline.Server.Tests.Stores;

/// <summary>
/// The trial queue contract against <see cref="RestTrackingStore"/> over a real socket to our server's
/// <c>/api/2.0/pipeline/sweeps/</c> extension on SQLite; the server's queue runs on the suite's clock.
/// </summary>
public sealed class RestTrialQueueContractTests : TrialQueueContractTests<RestTrackingStore>, IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private SqliteTrackingStore? _backend;
    private TrackingServerHost? _host;

    public async Task InitializeAsync()
    {
        _backend = new SqliteTrackingStore(_dir.File("mlruns.db"), ArtifactRoot, Clock);
        _host = await TrackingServerHost.StartAsync(new TrackingServerOptions
        {
            BackendStoreUri = "unused://",
            ArtifactsDestination = _dir.File("mlartifacts"),
            Port = 0,
            LogRequests = false,
        }, _backend, new SqlModelRegistry(_backend), TrackingComposition.CreateDefault(new ProcessEnvironmentVariables(), Clock));
    }

    // No client retries: a retried claim could hide a lost answer, which the contract must see.
    protected override RestTrackingStore OpenStore(TimeProvider clock) => new(_host!.BaseUri, new RestTrackingStoreOptions { MaxRetries = 0 });

    public async Task DisposeAsync()
    {
        if (_host is not null)
            await _host.DisposeAsync();
        if (_backend is not null)
            await _backend.DisposeAsync();
        _dir.Dispose();
    }
}
