using Pipeline.Tracking.Metadata;

namespace Pipeline.Tracking.Tests.Metadata;

public sealed class CiDetectorTests
{
    private static CiInfo? Detect(params (string Name, string Value)[] variables) =>
        CiDetector.Detect(new DictionaryEnvironmentVariables(variables.ToDictionary(v => v.Name, v => v.Value)));

    [Fact]
    public void Detect_NoCiVariables_ReturnsNull() => Assert.Null(Detect(("PATH", "/usr/bin")));

    [Fact]
    public void Detect_GitHubActions_BuildsRunUrl()
    {
        var ci = Detect(("CI", "true"), ("GITHUB_ACTIONS", "true"), ("GITHUB_RUN_ID", "1234"),
            ("GITHUB_SERVER_URL", "https://github.example.invalid"), ("GITHUB_REPOSITORY", "org/repo"));

        Assert.Equal(new CiInfo("github-actions", "1234", "https://github.example.invalid/org/repo/actions/runs/1234"), ci);
    }

    [Fact]
    public void Detect_GitLab_UsesPipelineIdAndUrl()
    {
        var ci = Detect(("GITLAB_CI", "true"), ("CI_PIPELINE_ID", "77"), ("CI_PIPELINE_URL", "https://gl.example.invalid/p/-/pipelines/77"));

        Assert.Equal(new CiInfo("gitlab", "77", "https://gl.example.invalid/p/-/pipelines/77"), ci);
    }

    [Fact]
    public void Detect_AzurePipelines_BuildsResultsUrl()
    {
        var ci = Detect(("TF_BUILD", "True"), ("BUILD_BUILDID", "42"),
            ("SYSTEM_COLLECTIONURI", "https://dev.example.invalid/org/"), ("SYSTEM_TEAMPROJECT", "My Project"));

        Assert.Equal(new CiInfo("azure-pipelines", "42", "https://dev.example.invalid/org/My%20Project/_build/results?buildId=42"), ci);
    }

    [Fact]
    public void Detect_Jenkins_UsesBuildIdAndBuildUrl()
    {
        var ci = Detect(("JENKINS_URL", "https://j.example.invalid/"), ("BUILD_ID", "9"), ("BUILD_URL", "https://j.example.invalid/job/x/9/"));

        Assert.Equal(new CiInfo("jenkins", "9", "https://j.example.invalid/job/x/9/"), ci);
    }

    [Theory]
    [InlineData("TEAMCITY_VERSION", "2024.1", "teamcity")]
    [InlineData("CIRCLECI", "true", "circleci")]
    [InlineData("BUILDKITE", "true", "buildkite")]
    [InlineData("CI", "true", "generic")]
    [InlineData("CI", "1", "generic")]
    public void Detect_ProviderMarker_NamesProvider(string name, string value, string provider) =>
        Assert.Equal(provider, Detect((name, value))?.Provider);

    [Fact]
    public void Detect_CiFalse_ReturnsNull() => Assert.Null(Detect(("CI", "false")));
}
