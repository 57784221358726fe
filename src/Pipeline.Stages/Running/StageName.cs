namespace Pipeline.Stages.Running;

/// <summary>The eight stages of the workflow, declared in the order they run.</summary>
public enum StageName
{
    InitStore,
    PrepareData,
    Sweep,
    Select,
    Evaluate,
    Package,
    DockerServe,
    SmokeTest,
}
