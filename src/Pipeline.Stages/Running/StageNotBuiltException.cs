namespace Pipeline.Stages.Running;

/// <summary>Thrown when a front end asks for a stage that this version does not implement yet.</summary>
public sealed class StageNotBuiltException(StageName stage)
    : Exception($"{stage}: this stage is not built yet in this version of the pipeline; nothing was run.")
{
    public StageName Stage { get; } = stage;
}
