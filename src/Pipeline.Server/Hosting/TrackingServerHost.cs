using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting.Server;
using Pipeline.Hosting;
using Pipeline.Tracking;
using Pipeline.Tracking.Stores;

namespace Pipeline.Server.Hosting;

/// <summary>
/// A running tracking server on Kestrel: <see cref="StartAsync"/> opens (or takes) the store, migrates its schema,
/// binds the port (0 = a free one) and returns once it accepts connections; <see cref="BaseUri"/> says where.
/// Used in-process by tests and by <c>pipeline server</c>.
/// </summary>
public sealed class TrackingServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ITrackingStore _store;
    private readonly bool _ownsStore;

    private TrackingServerHost(WebApplication app, ITrackingStore store, bool ownsStore, Uri baseUri)
    {
        _app = app;
        _store = store;
        _ownsStore = ownsStore;
        BaseUri = baseUri;
    }

    /// <summary>Where the server answers, e.g. <c>http://127.0.0.1:5000/</c> (loopback when listening on every interface).</summary>
    public Uri BaseUri { get; }

    /// <summary>
    /// Starts the server. With <paramref name="store"/> null the store is opened from
    /// <see cref="TrackingServerOptions.BackendStoreUri"/> and disposed with the host; a given store stays the caller's.
    /// Throws <see cref="TrackingServerStartupException"/> naming the problem (bad option, unreachable store, port taken).
    /// </summary>
    public static async Task<TrackingServerHost> StartAsync(TrackingServerOptions options, ITrackingStore? store = null, TimeProvider? time = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
            throw new TrackingServerStartupException($"The tracking server cannot start: {string.Join(" ", problems)}");
        time ??= TimeProvider.System;
        var ownsStore = store is null;
        try
        {
            store ??= TrackingStoreRegistry.CreateDefault().Open(options.BackendStoreUri, options.EffectiveDefaultArtifactRoot, time);
            if (store is ISchemaManagedStore schema)
                await schema.MigrateAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TrackingException or IOException or System.Data.Common.DbException)
        {
            if (ownsStore && store is not null)
                await store.DisposeAsync().ConfigureAwait(false);
            throw new TrackingServerStartupException($"The tracking server cannot open the backend store: {e.Message}", e);
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(TrackingServerHost).Assembly.GetName().Name });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            KestrelListen.On(kestrel, options.Host, options.Port, problem => new TrackingServerStartupException($"--host {problem}"));
        });
        builder.AddTrackingServer(options, store, time);
        var app = builder.Build();
        app.MapTrackingServer(options);
        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            if (ownsStore)
                await store.DisposeAsync().ConfigureAwait(false);
            throw new TrackingServerStartupException(IsAddressInUse(e)
                ? $"The tracking server cannot start: port {options.Port} on {options.Host} is already in use by another process; choose another with --port."
                : $"The tracking server cannot listen on {options.Host}:{options.Port}: {e.Message}", e);
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new UriBuilder(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)) { Path = "/" }.Uri;
        return new TrackingServerHost(app, store, ownsStore, uri);
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
        if (_ownsStore)
            await _store.DisposeAsync().ConfigureAwait(false);
    }
}
