namespace Pipeline.Docker.Registry;

/// <summary>The registry host a repository reference names, by Docker's rule for the first path component.</summary>
public static class RegistryHost
{
    /// <summary>Docker Hub's host as image references imply it.</summary>
    public const string DockerHub = "docker.io";

    /// <summary>The key Docker's config file uses for Docker Hub.</summary>
    public const string DockerHubConfigKey = "https://index.docker.io/v1/";

    /// <summary>
    /// The host of <paramref name="repository"/>: its first component when that has a '.' or a ':' or is <c>localhost</c>
    /// (<c>ghcr.io/team/model</c> → <c>ghcr.io</c>, <c>127.0.0.1:5000/m</c> → <c>127.0.0.1:5000</c>), else Docker Hub.
    /// </summary>
    public static string Of(string repository)
    {
        var slash = repository.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
            return DockerHub;
        var first = repository[..slash];
        return first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost"
            ? first
            : DockerHub;
    }
}
