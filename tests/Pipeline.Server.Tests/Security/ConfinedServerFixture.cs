using Pipeline.Server.Hosting;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Server.Tests.Security;

/// <summary>
/// A real tracking server on 127.0.0.1 whose store the test also holds directly (so it can plant what an embedded
/// pipeline or an old server version could have stored), with an "outside" folder holding a secret file, and a
/// 1 KiB upload limit.
/// </summary>
public sealed class ConfinedServerFixture : IAsyncLifetime
{
    public const long UploadLimit = 1024;
    public const string Secret = "root:x:0:0:secret-outside-the-roots";

    private readonly TempDirectory _dir = new();

    public TrackingServerHost Host { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public ITrackingStore Store { get; private set; } = null!;

    public string Destination => _dir.File("mlartifacts");

    /// <summary>A folder outside the roots with <c>passwd</c> holding <see cref="Secret"/>.</summary>
    public string Outside => _dir.File("outside");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Destination);
        Directory.CreateDirectory(Outside);
        await File.WriteAllTextAsync(Path.Join(Outside, "passwd"), Secret);
        Store = TrackingStoreRegistry.CreateDefault().Open($"sqlite:///{_dir.File("mlruns.db")}", "mlflow-artifacts:/");
        if (Store is ISchemaManagedStore schema)
            await schema.MigrateAsync();
        var options = new TrackingServerOptions
        {
            BackendStoreUri = "sqlite:///unused.db",
            ArtifactsDestination = Destination,
            Port = 0,
            LogRequests = false,
            MaxArtifactUploadBytes = UploadLimit,
        };
        Host = await TrackingServerHost.StartAsync(options, Store);
        Http = new HttpClient { BaseAddress = Host.BaseUri };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        await Store.DisposeAsync();
        _dir.Dispose();
    }
}
