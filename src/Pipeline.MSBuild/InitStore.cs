using Pipeline.Stages.Running;

namespace Pipeline.MSBuild;

/// <summary>MSBuild task for the InitStore stage: creates or migrates the tracking store and creates the experiment.</summary>
public sealed class InitStore() : StageTask(StageName.InitStore);
