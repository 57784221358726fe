namespace Pipeline.Cli.Tests.Serving;

/// <summary>A fact that needs a Docker engine: skipped, with the reason shown, when <c>DOCKER_HOST</c> is not set.</summary>
public sealed class DockerFactAttribute : FactAttribute
{
    public DockerFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("DOCKER_HOST")))
            Skip = "DOCKER_HOST is not set: start an engine with `eval \"$(bash .ci/docker.sh start)\"` to run the Docker tests";
    }
}
