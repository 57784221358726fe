namespace Pipeline.Docker;

/// <summary>How to run a serving container (host networking: the server binds the host's port directly).</summary>
public sealed record ContainerRunOptions
{
    /// <summary>Image reference to run (required), e.g. <c>iris:3</c>.</summary>
    public required string Image { get; init; }

    /// <summary>Port the server listens on, passed as <c>PORT</c> and <c>ASPNETCORE_URLS</c>; default 8080.</summary>
    public int Port { get; init; } = 8080;

    /// <summary>Address the server binds on the host; default <c>127.0.0.1</c> (this machine only). Use
    /// <c>0.0.0.0</c> to expose it on every interface of the host.</summary>
    public string ListenAddress { get; init; } = "127.0.0.1";

    /// <summary>Container name; default one chosen by the engine.</summary>
    public string? Name { get; init; }

    /// <summary>Arguments replacing the image's <c>CMD</c>; default null (the image's).</summary>
    public IReadOnlyList<string>? Arguments { get; init; }

    /// <summary>Extra environment variables; default none.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Host folders mounted into the container, host path to container path (e.g. a prediction log folder); default none.</summary>
    public IReadOnlyDictionary<string, string> Mounts { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra container labels (<see cref="ImageLabels.Managed"/> is always set); default none.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Path answered with 2xx once the server is ready; default <c>/health</c>.</summary>
    public string HealthPath { get; init; } = "/health";

    /// <summary>How long to wait for <see cref="HealthPath"/>; default 60 s.</summary>
    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
