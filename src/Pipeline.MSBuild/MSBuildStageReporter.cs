using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Pipeline.Stages.Running;

namespace Pipeline.MSBuild;

/// <summary>
/// Sends stage messages to MSBuild's loggers: information as high-importance messages (shown at the default
/// verbosity), warnings and errors with codes and the pipeline file as their location, so IDEs and CI link to it.
/// </summary>
internal sealed class MSBuildStageReporter(TaskLoggingHelper log, string pipelineFile) : IStageReporter
{
    public void Info(string message) => log.LogMessage(MessageImportance.High, message);

    public void Warning(string message) =>
        log.LogWarning(null, DiagnosticCodes.Warning, null, pipelineFile, 0, 0, 0, 0, message);

    public void Error(string message) =>
        log.LogError(null, DiagnosticCodes.Error, null, pipelineFile, 0, 0, 0, 0, message);

    /// <summary>Logs <paramref name="message"/> as an error with <paramref name="code"/> at a place in the pipeline file (0 = unknown).</summary>
    public void ErrorAt(string code, string file, int line, int column, string message) =>
        log.LogError(null, code, null, file, line, column, 0, 0, message);
}
