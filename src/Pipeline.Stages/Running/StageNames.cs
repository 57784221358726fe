namespace Pipeline.Stages.Running;

/// <summary>Names of stages as the front ends spell them: <c>InitStore</c> in Cake and MSBuild, <c>init-store</c> on the command line.</summary>
public static class StageNames
{
    /// <summary>Every stage, in workflow order (as <see cref="Workflow.Stages"/> declares it).</summary>
    public static IReadOnlyList<StageName> InWorkflowOrder { get; } = Workflow.Stages.Select(s => s.Name).ToList();

    /// <summary>The kebab-case name used by the CLI, e.g. <c>prepare-data</c>.</summary>
    public static string ToCliName(this StageName stage) =>
        string.Concat(stage.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>Accepts <c>PrepareData</c>, <c>prepare-data</c> and <c>prepare_data</c>, in any case.</summary>
    public static bool TryParse(string text, out StageName stage)
    {
        var normalized = text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        // Enum.TryParse also accepts numbers ("7"); a stage is only ever named.
        stage = default;
        return normalized.Length > 0 && normalized.All(char.IsLetter) && Enum.TryParse(normalized, ignoreCase: true, out stage);
    }

    /// <summary>The stages that run before <paramref name="stage"/>, in order.</summary>
    public static IEnumerable<StageName> Predecessors(this StageName stage) =>
        Workflow.WithPredecessors(stage).Where(s => s != stage);
}
