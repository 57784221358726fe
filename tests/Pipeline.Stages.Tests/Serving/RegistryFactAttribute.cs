namespace Pipeline.Stages.Tests.Serving;

/// <summary>A fact that needs a Docker engine and the test registries: skipped, with the reason, unless <c>DOCKER_HOST</c>
/// and <c>PIPELINE_TEST_REGISTRY</c> (and, with <paramref name="authenticated"/>, <c>PIPELINE_TEST_REGISTRY_AUTH</c>) are set.</summary>
public sealed class RegistryFactAttribute : FactAttribute
{
    public RegistryFactAttribute(bool authenticated = false)
    {
        var variable = authenticated ? "PIPELINE_TEST_REGISTRY_AUTH" : "PIPELINE_TEST_REGISTRY";
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("DOCKER_HOST")))
            Skip = "DOCKER_HOST is not set: start an engine with `eval \"$(bash .ci/docker.sh start)\"` to run the registry tests";
        else if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable)))
            Skip = $"{variable} is not set: start the test registries with `eval \"$(bash .ci/registry.sh start)\"` to run the push tests";
    }
}
