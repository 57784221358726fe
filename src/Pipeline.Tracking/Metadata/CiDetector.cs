namespace Pipeline.Tracking.Metadata;

/// <summary>Recognises the CI provider from the variables each one sets on its agents.</summary>
public static class CiDetector
{
    /// <summary>
    /// The CI system described by <paramref name="env"/>, or null outside CI. Specific providers are checked
    /// before the generic <c>CI=true</c>, which most of them also set.
    /// </summary>
    public static CiInfo? Detect(IEnvironmentVariables env)
    {
        ArgumentNullException.ThrowIfNull(env);
        if (IsTrue(env.Get("GITHUB_ACTIONS")))
        {
            var runId = env.Get("GITHUB_RUN_ID");
            var server = env.Get("GITHUB_SERVER_URL")?.TrimEnd('/');
            var repo = env.Get("GITHUB_REPOSITORY");
            var url = runId is null || server is null || repo is null ? null : $"{server}/{repo}/actions/runs/{runId}";
            return new CiInfo("github-actions", runId, url);
        }

        if (IsSet(env.Get("GITLAB_CI")) || IsSet(env.Get("CI_PIPELINE_ID")))
        {
            return new CiInfo("gitlab", env.Get("CI_PIPELINE_ID") ?? env.Get("CI_JOB_ID"), env.Get("CI_PIPELINE_URL") ?? env.Get("CI_JOB_URL"));
        }

        if (IsTrue(env.Get("TF_BUILD")))
        {
            var buildId = env.Get("BUILD_BUILDID");
            var collection = env.Get("SYSTEM_COLLECTIONURI");
            var project = env.Get("SYSTEM_TEAMPROJECT");
            var url = buildId is null || collection is null || project is null
                ? null
                : $"{collection.TrimEnd('/')}/{Uri.EscapeDataString(project)}/_build/results?buildId={buildId}";
            return new CiInfo("azure-pipelines", buildId, url);
        }

        if (IsSet(env.Get("JENKINS_URL")))
        {
            return new CiInfo("jenkins", env.Get("BUILD_ID") ?? env.Get("BUILD_NUMBER"), env.Get("BUILD_URL"));
        }

        if (IsSet(env.Get("TEAMCITY_VERSION")))
        {
            // TeamCity exposes no build URL as a variable by default.
            return new CiInfo("teamcity", env.Get("BUILD_NUMBER"), null);
        }

        if (IsTrue(env.Get("CIRCLECI")))
        {
            return new CiInfo("circleci", env.Get("CIRCLE_BUILD_NUM") ?? env.Get("CIRCLE_WORKFLOW_ID"), env.Get("CIRCLE_BUILD_URL"));
        }

        if (IsTrue(env.Get("BUILDKITE")))
        {
            return new CiInfo("buildkite", env.Get("BUILDKITE_BUILD_ID") ?? env.Get("BUILDKITE_BUILD_NUMBER"), env.Get("BUILDKITE_BUILD_URL"));
        }

        if (IsTrue(env.Get("TRAVIS")))
        {
            return new CiInfo("travis", env.Get("TRAVIS_BUILD_ID"), env.Get("TRAVIS_BUILD_WEB_URL"));
        }

        if (IsTrue(env.Get("APPVEYOR")))
        {
            return new CiInfo("appveyor", env.Get("APPVEYOR_BUILD_ID"), null);
        }

        if (IsSet(env.Get("BITBUCKET_BUILD_NUMBER")))
        {
            return new CiInfo("bitbucket", env.Get("BITBUCKET_BUILD_NUMBER"), null);
        }

        return IsTrue(env.Get("CI")) ? new CiInfo("generic", null, null) : null;
    }

    private static bool IsSet(string? value) => !string.IsNullOrWhiteSpace(value);

    // Providers write "true", "True" (Azure, AppVeyor) or "1".
    private static bool IsTrue(string? value) =>
        value is not null && (value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase) || value.Trim() == "1");
}
