using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Pipeline.Docker;

/// <summary>
/// Runs serving containers on the host network and waits until their health path answers; stops and removes
/// them; lists and removes every container it created (they carry the label <see cref="ImageLabels.Managed"/>).
/// </summary>
public sealed partial class ContainerRunner(DockerEngine engine, TimeProvider? timeProvider = null) : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    // The server answers about a second after its start; a 200 ms poll added 100 ms on average to every DockerServe
    // (issue 11). A poll is one inspect and one refused or answered connection on the host, so 50 ms costs nothing.
    private static readonly TimeSpan HealthPollInterval = TimeSpan.FromMilliseconds(50);
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(2) };

    /// <summary>Creates and starts a container, then waits for its health path.</summary>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    /// <exception cref="DockerOperationException">The container exited, or was not healthy in time; the message holds
    /// its logs. The container is removed.</exception>
    public async Task<RunningContainer> RunAsync(ContainerRunOptions options, CancellationToken cancellationToken = default)
    {
        Validate(options);
        var port = options.Port.ToString(CultureInfo.InvariantCulture);
        var environment = new Dictionary<string, string>(options.Environment)
        {
            ["PORT"] = port,
            ["ASPNETCORE_URLS"] = $"http://{options.ListenAddress}:{port}",
        };
        var labels = new Dictionary<string, string>(options.Labels) { [ImageLabels.Managed] = "true" };
        var created = await engine.Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = options.Image,
            Name = options.Name,
            Env = environment.Select(kv => $"{kv.Key}={kv.Value}").ToList(),
            Cmd = options.Arguments?.ToList(),
            Labels = labels,
            HostConfig = new HostConfig { NetworkMode = "host", Binds = options.Mounts.Select(m => $"{m.Key}:{m.Value}").ToList() },
        }, cancellationToken).ConfigureAwait(false);

        var host = options.ListenAddress is "0.0.0.0" or "::" or "[::]" ? "127.0.0.1" : options.ListenAddress;
        var url = new Uri($"http://{host}:{port}");
        try
        {
            var started = _time.GetTimestamp();
            await engine.Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), cancellationToken).ConfigureAwait(false);
            var name = await WaitHealthyAsync(created.ID, new Uri(url, options.HealthPath), options.HealthTimeout, started, cancellationToken)
                .ConfigureAwait(false);
            return new RunningContainer(created.ID, name, url, options.Image, _time.GetElapsedTime(started));
        }
        catch
        {
            await RemoveAsync(created.ID, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops (5 s grace) and removes a container; a container already gone is not an error.</summary>
    public Task StopAsync(string containerId, CancellationToken cancellationToken = default) => RemoveAsync(containerId, cancellationToken);

    /// <summary>Every container, running or not, that this class created on the engine.</summary>
    public async Task<IReadOnlyList<ManagedContainer>> ListManagedAsync(CancellationToken cancellationToken = default)
    {
        var found = await engine.Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{ImageLabels.Managed}=true"] = true },
            },
        }, cancellationToken).ConfigureAwait(false);
        return found.Select(c => new ManagedContainer(c.ID, c.Names?.FirstOrDefault()?.TrimStart('/') ?? c.ID, c.Image, c.State,
            c.Labels is null ? new Dictionary<string, string>() : new Dictionary<string, string>(c.Labels))).ToList();
    }

    /// <summary>Removes every container this class created; returns how many were removed.</summary>
    public async Task<int> RemoveManagedAsync(CancellationToken cancellationToken = default)
    {
        var containers = await ListManagedAsync(cancellationToken).ConfigureAwait(false);
        foreach (var container in containers)
            await RemoveAsync(container.Id, cancellationToken).ConfigureAwait(false);
        return containers.Count;
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await engine.Client.Containers.StopContainerAsync(id, new ContainerStopParameters { WaitBeforeKillSeconds = 5 }, cancellationToken)
                .ConfigureAwait(false);
            await engine.Client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (DockerContainerNotFoundException)
        {
            // Already gone: the goal of removing it is met.
        }
    }

    private static void Validate(ContainerRunOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.Image))
            throw new ArgumentException("ContainerRunOptions.Image must not be empty.", nameof(o.Image));
        if (o.Port is < 1 or > 65535)
            throw new ArgumentException($"ContainerRunOptions.Port: {o.Port} is not a TCP port.", nameof(o.Port));
        if (!o.HealthPath.StartsWith('/'))
            throw new ArgumentException($"ContainerRunOptions.HealthPath: '{o.HealthPath}' must start with '/'.", nameof(o.HealthPath));
        if (o.HealthTimeout <= TimeSpan.Zero)
            throw new ArgumentException("ContainerRunOptions.HealthTimeout must be positive.", nameof(o.HealthTimeout));
        foreach (var (host, container) in o.Mounts)
        {
            if (!Path.IsPathRooted(host) || !Directory.Exists(host) || !container.StartsWith('/') || (host + container).Contains(':'))
                throw new ArgumentException($"ContainerRunOptions.Mounts: '{host}' must be an existing absolute folder and '{container}' an absolute path, neither with ':'.", nameof(o.Mounts));
        }
    }
}
