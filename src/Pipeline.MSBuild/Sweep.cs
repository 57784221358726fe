using Pipeline.Stages.Running;

namespace Pipeline.MSBuild;

/// <summary>MSBuild task for the Sweep stage: runs one child run per configuration of the search space under a sweep parent run.</summary>
public sealed class Sweep() : StageTask(StageName.Sweep)
{
    /// <summary>Joins (or creates) the shared sweep of this name, e.g. a CI run id; default none: the stage's fingerprint names it.</summary>
    public string? SweepId { get; set; }

    private protected override StageOptions Configure(StageOptions options) =>
        options with { SweepId = string.IsNullOrWhiteSpace(SweepId) ? null : SweepId };
}
