using Pipeline.Stages.Running;

namespace Pipeline.MSBuild;

/// <summary>MSBuild task for the DockerServe stage: builds a serving image from the packaged model and runs it.</summary>
public sealed class DockerServe() : StageTask(StageName.DockerServe)
{
    /// <summary>Fail when no Docker engine is reachable instead of serving as a local process (release jobs); default false.</summary>
    public bool RequireDocker { get; set; }

    private protected override StageOptions Configure(StageOptions options) => options with { RequireDocker = RequireDocker };
}
