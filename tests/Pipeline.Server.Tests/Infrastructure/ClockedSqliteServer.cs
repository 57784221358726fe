using Pipeline.Server.Hosting;
using Pipeline.Tracking.Composition;
using Pipeline.Tracking.Metadata;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Stores.Rest;
using Pipeline.Tracking.Stores.Sql;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Server.Tests.Infrastructure;

/// <summary>
/// Our tracking server on a free port of 127.0.0.1 over a temporary SQLite store that runs on a test suite's clock (and
/// run names): what the REST contract suites talk to, so the REST path is held to exactly the store behind it.
/// </summary>
public sealed class ClockedSqliteServer : IAsyncDisposable
{
    private readonly TempDirectory _dir;
    private readonly SqliteTrackingStore _backend;
    private readonly TrackingServerHost _host;

    private ClockedSqliteServer(TempDirectory dir, SqliteTrackingStore backend, TrackingServerHost host) =>
        (_dir, _backend, _host) = (dir, backend, host);

    public static async Task<ClockedSqliteServer> StartAsync(string artifactRoot, TimeProvider clock, IRunNameGenerator? names = null)
    {
        var dir = new TempDirectory();
        var backend = new SqliteTrackingStore(dir.File("mlruns.db"), artifactRoot, clock, names);
        try
        {
            var host = await TrackingServerHost.StartAsync(new TrackingServerOptions
            {
                BackendStoreUri = "unused://",
                ArtifactsDestination = dir.File("mlartifacts"),
                Port = 0,
                LogRequests = false,
            }, backend, new SqlModelRegistry(backend), TrackingComposition.CreateDefault(new ProcessEnvironmentVariables(), clock));
            return new ClockedSqliteServer(dir, backend, host);
        }
        catch
        {
            await backend.DisposeAsync();
            dir.Dispose();
            throw;
        }
    }

    /// <summary>A client without retries: a retried call could hide a lost answer, which the contracts must see.</summary>
    public RestTrackingStore Client() => new(_host.BaseUri, new RestTrackingStoreOptions { MaxRetries = 0 });

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _backend.DisposeAsync();
        _dir.Dispose();
    }
}
