using Pipeline.Stages.Running;

namespace Pipeline.MSBuild;

/// <summary>MSBuild task for the DockerServe stage: builds a serving image from the packaged model and runs it.</summary>
public sealed class DockerServe() : StageTask(StageName.DockerServe);
