namespace Pipeline.Docker;

/// <summary>Whether a Docker engine answered, and why not when it did not.</summary>
/// <param name="IsReachable">True when the engine answered a version request in time.</param>
/// <param name="Endpoint">The endpoint that was tried (e.g. <c>unix:///var/run/docker.sock</c>).</param>
/// <param name="Reason">Why the engine is not reachable; null when it is.</param>
/// <param name="ServerVersion">The engine's version (e.g. <c>20.10.24</c>) when reachable.</param>
/// <param name="ApiVersion">The engine's API version (e.g. <c>1.41</c>) when reachable.</param>
public sealed record DockerReachability(
    bool IsReachable, Uri Endpoint, string? Reason, string? ServerVersion, string? ApiVersion);
