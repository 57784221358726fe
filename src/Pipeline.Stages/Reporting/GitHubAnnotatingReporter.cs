using Pipeline.Stages.Running;

namespace Pipeline.Stages.Reporting;

/// <summary>
/// On GitHub Actions, passes every message on and adds a <c>::warning</c> / <c>::error</c> annotation for each warning
/// and error a stage reports (e.g. DockerServe falling back to a local process), so they show on the run's page.
/// </summary>
internal sealed class GitHubAnnotatingReporter(IStageReporter inner) : IStageReporter
{
    /// <summary><paramref name="reporter"/> wrapped when <c>GITHUB_ACTIONS=true</c>, else itself.</summary>
    public static IStageReporter For(IStageReporter reporter, Tracking.Metadata.IEnvironmentVariables environment) =>
        environment.Get(GitHubCommands.ActionsVariable) == "true" ? new GitHubAnnotatingReporter(reporter) : reporter;

    public void Info(string message) => inner.Info(message);

    public void Warning(string message)
    {
        inner.Warning(message);
        inner.Info(GitHubCommands.Warning("Pipeline warning", message));
    }

    public void Error(string message)
    {
        inner.Error(message);
        inner.Info(GitHubCommands.Error("Pipeline error", message));
    }
}
