using Pipeline.Stages.Running;

namespace Pipeline.MSBuild;

/// <summary>MSBuild task for the Package stage: writes the model in MLflow's model format and registers a new version.</summary>
public sealed class Package() : StageTask(StageName.Package);
