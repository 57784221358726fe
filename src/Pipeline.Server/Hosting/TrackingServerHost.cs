using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting.Server;
using Pipeline.Hosting;
using Pipeline.Tracking;
using Pipeline.Tracking.Composition;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;

namespace Pipeline.Server.Hosting;

/// <summary>
/// A running tracking server on Kestrel: <c>StartAsync</c> opens (or takes) the store, migrates its schema,
/// binds the port (0 = a free one) and returns once it accepts connections; <see cref="BaseUri"/> says where.
/// Used in-process by tests and by <c>pipeline server</c>.
/// </summary>
public sealed class TrackingServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ITrackingStore _store;
    private readonly bool _ownsStore;
    private readonly HttpClient _http;

    private TrackingServerHost(WebApplication app, ITrackingStore store, bool ownsStore, HttpClient http, Uri baseUri)
    {
        _app = app;
        _store = store;
        _ownsStore = ownsStore;
        _http = http;
        BaseUri = baseUri;
    }

    /// <summary>Where the server answers, e.g. <c>http://127.0.0.1:5000/</c> (loopback when listening on every interface).</summary>
    public Uri BaseUri { get; }

    /// <summary>
    /// Starts the server on the store and registry that <paramref name="composition"/> (default: the composition root over
    /// the process environment) opens for <see cref="TrackingServerOptions.BackendStoreUri"/>; they are disposed with
    /// the host. Throws <see cref="TrackingServerStartupException"/> naming the problem (bad option, unreachable store,
    /// port taken).
    /// </summary>
    public static async Task<TrackingServerHost> StartAsync(TrackingServerOptions options, TrackingComposition? composition = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ThrowIfInvalid(options);
        composition ??= TrackingComposition.ForProcess();
        TrackingBackend backend;
        try
        {
            backend = composition.Open(options.BackendStoreUri, options.EffectiveDefaultArtifactRoot);
        }
        catch (Exception e) when (e is TrackingException or IOException or ArgumentException)
        {
            throw new TrackingServerStartupException($"The tracking server cannot open the backend store: {e.Message}", e);
        }

        // The backend's own HTTP client and artifact registry are for clients; the server gets its own below.
        try
        {
            return await StartAsync(options, backend.Store, backend.Registry, composition, ownsStore: true, ct).ConfigureAwait(false);
        }
        catch
        {
            await backend.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Starts the server on a store and registry opened by the caller (they stay the caller's), with the artifact
    /// repositories of <paramref name="composition"/> (default: the composition root over the process environment).
    /// </summary>
    public static Task<TrackingServerHost> StartAsync(TrackingServerOptions options, ITrackingStore store, IModelRegistry registry,
        TrackingComposition? composition = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ThrowIfInvalid(options);
        return StartAsync(options, store, registry, composition ?? TrackingComposition.ForProcess(), ownsStore: false, ct);
    }

    private static void ThrowIfInvalid(TrackingServerOptions options)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
            throw new TrackingServerStartupException($"The tracking server cannot start: {string.Join(" ", problems)}");
    }

    private static async Task<TrackingServerHost> StartAsync(TrackingServerOptions options, ITrackingStore store, IModelRegistry registry,
        TrackingComposition composition, bool ownsStore, CancellationToken ct)
    {
        var time = composition.Time;
        try
        {
            if (store is ISchemaManagedStore schema)
                await schema.MigrateAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TrackingException or IOException or System.Data.Common.DbException)
        {
            if (ownsStore)
                await store.DisposeAsync().ConfigureAwait(false);
            throw new TrackingServerStartupException($"The tracking server cannot open the backend store: {e.Message}", e);
        }

        // The server is no client of a tracking server: mlflow-artifacts: URIs are served from its own destination.
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var artifacts = composition.CreateArtifactRegistry(new BackendContext(composition.Environment, time, http, null));
        // appsettings.json is read once, not watched (as the scoring server): the options come from the command line, and
        // the watch is recursive over the current directory, often a project folder with every run's artifacts.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(TrackingServerHost).Assembly.GetName().Name,
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            KestrelListen.On(kestrel, options.Host, options.Port, problem => new TrackingServerStartupException($"--host {problem}"));
        });
        builder.AddTrackingServer(options, store, registry, artifacts, time);
        var app = builder.Build();
        app.MapTrackingServer(options);
        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            http.Dispose();
            if (ownsStore)
                await store.DisposeAsync().ConfigureAwait(false);
            throw new TrackingServerStartupException(IsAddressInUse(e)
                ? $"The tracking server cannot start: port {options.Port} on {options.Host} is already in use by another process; choose another with --port."
                : $"The tracking server cannot listen on {options.Host}:{options.Port}: {e.Message}", e);
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new UriBuilder(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)) { Path = "/" }.Uri;
        return new TrackingServerHost(app, store, ownsStore, http, uri);
    }

    /// <summary>The app's services (its endpoints, store and options), e.g. for tests that visit every endpoint.</summary>
    public IServiceProvider Services => _app.Services;

    private static bool IsAddressInUse(Exception e) =>
        e.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse }
        || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase);

    /// <summary>Completes when the server stops (Ctrl+C, SIGTERM or <see cref="StopAsync"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken ct = default) => _app.WaitForShutdownAsync(ct);

    /// <summary>Stops accepting requests and lets running ones finish.</summary>
    public Task StopAsync(CancellationToken ct = default) => _app.StopAsync(ct);

    /// <summary>Stops the server and disposes the store when the host opened it.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _http.Dispose();
        if (_ownsStore)
            await _store.DisposeAsync().ConfigureAwait(false);
    }
}
