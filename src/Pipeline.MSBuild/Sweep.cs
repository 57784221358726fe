using Pipeline.Stages.Running;

namespace Pipeline.MSBuild;

/// <summary>MSBuild task for the Sweep stage: runs one child run per configuration of the search space under a sweep parent run.</summary>
public sealed class Sweep() : StageTask(StageName.Sweep);
