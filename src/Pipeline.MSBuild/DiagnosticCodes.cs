namespace Pipeline.MSBuild;

/// <summary>
/// The codes the tasks log with, so that IDEs, CI annotations and <c>-warnAsMessage</c> / <c>NoWarn</c> can tell them apart.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>An error a user can act on: a bad pipeline file, missing data, an unreachable store, a failed stage.</summary>
    public const string Error = "PIPE001";

    /// <summary>The stage ran, but a declared quality gate was not met.</summary>
    public const string GateFailed = "PIPE002";

    // PIPE003 (a stage not built yet) is retired: every stage is built. The code is not reused.

    /// <summary>A warning reported by a stage (e.g. a trial that failed while the sweep went on).</summary>
    public const string Warning = "PIPE004";
}
