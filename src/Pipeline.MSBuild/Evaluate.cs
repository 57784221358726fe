using Pipeline.Stages.Running;

namespace Pipeline.MSBuild;

/// <summary>MSBuild task for the Evaluate stage: scores the selected model on the held-out test split and checks the declared gates.</summary>
public sealed class Evaluate() : StageTask(StageName.Evaluate);
