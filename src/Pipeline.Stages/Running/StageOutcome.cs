namespace Pipeline.Stages.Running;

/// <summary>How a stage ended.</summary>
public enum StageOutcome
{
    /// <summary>The stage did its work.</summary>
    Succeeded,

    /// <summary>The stage found its result already up to date and did nothing.</summary>
    Skipped,

    /// <summary>The stage ran but a declared quality gate was not met.</summary>
    GateFailed,
}
