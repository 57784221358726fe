using Pipeline.Stages.Running;

namespace Pipeline.MSBuild;

/// <summary>MSBuild task for the Select stage: picks the best trial by the declared metric and refits it.</summary>
public sealed class Select() : StageTask(StageName.Select);
