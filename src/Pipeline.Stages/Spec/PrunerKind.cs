namespace Pipeline.Stages.Spec;

/// <summary>The pruners <c>sweep.pruner</c> names.</summary>
public enum PrunerKind
{
    /// <summary><c>median</c>: Optuna's MedianPruner.</summary>
    Median,

    /// <summary><c>successive_halving</c>: Optuna's SuccessiveHalvingPruner (asynchronous successive halving).</summary>
    SuccessiveHalving,

    /// <summary><c>hyperband</c>: Optuna's HyperbandPruner, with the folds as the budget.</summary>
    Hyperband,
}
