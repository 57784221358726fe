namespace Pipeline.Tracking.Metadata;

/// <summary>
/// The continuous-integration system a process runs under: <paramref name="Provider"/> is a short lowercase
/// name (<c>github-actions</c>, <c>gitlab</c>, <c>azure-pipelines</c>, <c>jenkins</c>, <c>teamcity</c>,
/// <c>circleci</c>, <c>buildkite</c>, <c>travis</c>, <c>appveyor</c>, <c>bitbucket</c>, or <c>generic</c> when
/// only <c>CI=true</c> says so); the build id and URL are null when the provider does not expose them.
/// </summary>
public sealed record CiInfo(string Provider, string? BuildId, string? BuildUrl);
