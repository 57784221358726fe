namespace Pipeline.Stages.Running;

/// <summary>
/// The single entry point every front end calls: loads and validates the pipeline file, opens the stores it
/// names, and runs one stage. Stages never share process memory: each reads what it needs from the stores.
/// </summary>
public sealed class PipelineRunner(IStageReporter reporter, TimeProvider time)
{
    /// <summary>The last stage of the workflow that this version implements; later ones report that they are not built.</summary>
    public static StageName LastBuiltStage => StageName.InitStore;

    public static bool IsBuilt(StageName stage) => stage <= LastBuiltStage;

    /// <summary>Runs one stage. Throws <see cref="StageNotBuiltException"/> for a stage this version lacks and <see cref="PipelineException"/> for errors a user can fix.</summary>
    public Task<StageResult> RunAsync(StageName stage, StageOptions options, CancellationToken ct = default)
    {
        if (!IsBuilt(stage))
            throw new StageNotBuiltException(stage);
        _ = reporter;
        _ = time;
        _ = options;
        _ = ct;
        throw new StageNotBuiltException(stage);
    }
}
