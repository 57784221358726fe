namespace Pipeline.Stages.Spec;

/// <summary>How the sweep walks its search space. YAML: <c>grid</c> or <c>random</c>.</summary>
public enum SweepStrategy
{
    /// <summary>Every combination of the listed values, entry by entry in file order.</summary>
    Grid,

    /// <summary><see cref="SweepSpec.Trials"/> seeded draws; the only strategy that accepts ranges.</summary>
    Random,
}
