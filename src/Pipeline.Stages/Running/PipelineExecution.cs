using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Stages.Running;

/// <summary>
/// The identity of one pipeline execution: one pipeline run (role <c>pipeline</c>, tag <c>pipeline.execution_id</c>) per
/// execution, under which every later stage of that execution finds its upstream results. A whole <c>pipeline run</c>
/// (or <c>./build.sh</c>) makes up an id for itself; stages run as separate CI jobs share one by naming it:
/// <c>--execution-id</c> or <see cref="Variable"/> (e.g. the CI system's run id).
/// </summary>
public static partial class PipelineExecution
{
    /// <summary>The environment variable naming the execution when <c>--execution-id</c> is not given.</summary>
    public const string Variable = "PIPELINE_EXECUTION_ID";

    /// <summary>A new execution id for a process that was given none: 32 hex characters.</summary>
    public static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>An error for an id that cannot be a tag value in a filter; null when it is fine.</summary>
    public static string? Validate(string executionId) =>
        IdPattern().IsMatch(executionId)
            ? null
            : $"execution id '{executionId}' is not valid: use 1-100 letters, digits, '.', '_', ':' or '-' (e.g. a CI run id).";

    /// <summary>
    /// The id of the execution's pipeline run on stores that take caller-chosen ids: a digest of the experiment, the pipeline
    /// file and the execution id, so two jobs creating it at once collide on the primary key and only one wins.
    /// </summary>
    public static string PipelineRunId(string experimentId, string pipelineFile, string executionId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"pipeline-execution\n{experimentId}\n{pipelineFile}\n{executionId}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,100}$")]
    private static partial Regex IdPattern();
}
