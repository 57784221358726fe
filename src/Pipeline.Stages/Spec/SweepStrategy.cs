namespace Pipeline.Stages.Spec;

/// <summary>How the sweep walks its search space. YAML: <c>grid</c>, <c>random</c> or <c>tpe</c>.</summary>
public enum SweepStrategy
{
    /// <summary>Every combination of the listed values, entry by entry in file order.</summary>
    Grid,

    /// <summary><see cref="SweepSpec.Trials"/> seeded draws; accepts ranges.</summary>
    Random,

    /// <summary>
    /// <see cref="SweepSpec.Trials"/> trials chosen by the Tree-structured Parzen Estimator from the trials before
    /// (random for the first <c>n_startup_trials</c>); accepts ranges.
    /// </summary>
    Tpe,
}
