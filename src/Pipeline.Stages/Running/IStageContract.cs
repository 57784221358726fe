namespace Pipeline.Stages.Running;

/// <summary>
/// One stage of the workflow as the runner sees it: its name and a way to run it against an opened context. Everything
/// else (what it reads, its fingerprint, its skip rule, what it leaves) is the stage's own business; see
/// <see cref="StageContract{TUpstream}"/>.
/// </summary>
public interface IStageContract
{
    /// <summary>The stage's name.</summary>
    StageName Name { get; }

    /// <summary>Reads upstream results, skips when unchanged (unless forced), else does the work.</summary>
    Task<StageResult> ExecuteAsync(StageContext context, CancellationToken ct);
}
