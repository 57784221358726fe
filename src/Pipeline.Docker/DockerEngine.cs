using Docker.DotNet;

namespace Pipeline.Docker;

/// <summary>
/// A connection to a Docker engine: <c>DOCKER_HOST</c> when set (<c>unix://</c> or <c>tcp://</c>, the latter as
/// plain HTTP), else the default socket <c>unix:///var/run/docker.sock</c>. Dispose it to close the connection.
/// </summary>
public sealed class DockerEngine : IDisposable
{
    /// <summary>The endpoint used when <c>DOCKER_HOST</c> is not set.</summary>
    public static readonly Uri DefaultEndpoint = new("unix:///var/run/docker.sock");

    private readonly DockerClientConfiguration _configuration;

    /// <summary>Connects to <paramref name="endpoint"/> (<c>unix://</c>, <c>tcp://</c>, <c>http://</c>, <c>npipe://</c>).</summary>
    /// <param name="endpoint">The engine's endpoint.</param>
    /// <param name="requestTimeout">Timeout for requests without their own; default 100 s (image builds pass their own token).</param>
    public DockerEngine(Uri endpoint, TimeSpan? requestTimeout = null)
    {
        Endpoint = endpoint;
        var uri = endpoint.Scheme == "tcp" ? new UriBuilder(endpoint) { Scheme = "http" }.Uri : endpoint;
        _configuration = new DockerClientConfiguration(uri, null, requestTimeout ?? TimeSpan.FromSeconds(100));
        // No pinned API version: requests go to the engine's own version, which old and new engines accept.
        Client = _configuration.CreateClient();
    }

    /// <summary>The endpoint this engine was created for.</summary>
    public Uri Endpoint { get; }

    /// <summary>True when the endpoint came from <c>DOCKER_HOST</c>.</summary>
    public bool FromDockerHost { get; private init; }

    /// <summary>The Docker.DotNet client, for operations this library does not wrap.</summary>
    public DockerClient Client { get; }

    /// <summary>The engine named by the process environment's <c>DOCKER_HOST</c>, or the default socket.</summary>
    public static DockerEngine FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>The engine named by <c>DOCKER_HOST</c> as <paramref name="getEnvironmentVariable"/> reads it, or the default socket.</summary>
    /// <exception cref="ArgumentException"><c>DOCKER_HOST</c> is not an absolute URI with a supported scheme.</exception>
    public static DockerEngine FromEnvironment(Func<string, string?> getEnvironmentVariable)
    {
        var value = getEnvironmentVariable("DOCKER_HOST");
        if (string.IsNullOrWhiteSpace(value))
            return new DockerEngine(DefaultEndpoint);
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) ||
            uri.Scheme is not ("unix" or "tcp" or "http" or "npipe"))
            throw new ArgumentException(
                $"DOCKER_HOST '{value}' is not supported: expected unix:///path/docker.sock, tcp://host:port, " +
                "http://host:port or npipe:////./pipe/docker_engine.", nameof(getEnvironmentVariable));
        return new DockerEngine(uri) { FromDockerHost = true };
    }

    /// <summary>Asks the engine for its version within <paramref name="timeout"/> (default 5 s).</summary>
    /// <returns>Reachability with the reason when the engine did not answer; never throws for an absent engine.</returns>
    public async Task<DockerReachability> IsReachableAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(5);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(limit);
        var source = FromDockerHost ? "from DOCKER_HOST" : "the default socket; DOCKER_HOST is not set";
        try
        {
            var version = await Client.System.GetVersionAsync(cts.Token).ConfigureAwait(false);
            return new DockerReachability(true, Endpoint, null, version.Version, version.APIVersion);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DockerReachability(false, Endpoint,
                $"no answer from the Docker engine at {Endpoint} ({source}) within {limit.TotalSeconds:0.#} s", null, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new DockerReachability(false, Endpoint,
                $"no Docker engine at {Endpoint} ({source}): {Innermost(e).Message}", null, null);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Client.Dispose();
        _configuration.Dispose();
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
