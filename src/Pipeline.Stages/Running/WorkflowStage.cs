namespace Pipeline.Stages.Running;

/// <summary>One stage as the workflow declares it: its name, the stages it depends on, and a one-line description for help texts.</summary>
public sealed record WorkflowStage(StageName Name, IReadOnlyList<StageName> DependsOn, string Description);
