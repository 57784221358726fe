namespace Pipeline.Stages.Spec;

/// <summary>A trainer as the pipeline file sees it.</summary>
/// <param name="Name">The snake_case name used in <c>search_space[].trainer</c>, e.g. <c>fast_tree</c>.</param>
/// <param name="Tasks">The task kinds it can train for.</param>
/// <param name="Parameters">The parameters a search space may set.</param>
public sealed record TrainerDescriptor(
    string Name,
    IReadOnlySet<TaskKind> Tasks,
    IReadOnlyList<ParameterDescriptor> Parameters)
{
    /// <summary>The parameter called <paramref name="name"/>, or null.</summary>
    public ParameterDescriptor? FindParameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}
