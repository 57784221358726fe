using System.CommandLine;

namespace Pipeline.Cli.Commands.Artifacts;

/// <summary>
/// <c>pipeline artifacts list | download | log-file</c>: a run's files, with <c>mlflow artifacts</c>' option names
/// (<c>--run-id</c>, <c>--artifact-path</c>, <c>--artifact-uri</c>, <c>--dst-path</c>, <c>--local-file</c>), wherever the
/// run keeps them (a local folder, or a tracking server's artifact proxy).
/// </summary>
internal static class ArtifactsCommand
{
    public static Command Create() => new("artifacts", "List, download and log run artifacts.")
    {
        ArtifactsListCommand.Create(),
        ArtifactsDownloadCommand.Create(),
        ArtifactsLogFileCommand.Create(),
    };

    public static Option<string> RunId(bool required) => new("--run-id", "-r") { Description = "Run id (32 hex characters).", Required = required };

    public static Option<string?> ArtifactPath(string description) => new("--artifact-path", "-a") { Description = description };
}
