namespace Pipeline.Stages.Spec;

/// <summary>
/// <c>sweep.pruner</c>: either a name (<c>pruner: median</c>) or a mapping (<c>pruner: {type: median, n_startup_trials: 5}</c>).
/// The steps are the cross-validation folds: after fold k a trial reports the running mean of the selection metric
/// at step k. Unset settings keep Optuna's defaults.
/// </summary>
/// <param name="Kind"><c>type</c>: which pruner.</param>
/// <param name="StartupTrials"><c>n_startup_trials</c> (median; default 5): complete trials before any pruning.</param>
/// <param name="WarmupSteps"><c>n_warmup_steps</c> (median; default 0): folds before which no trial is pruned.</param>
/// <param name="MinResource"><c>min_resource</c> (successive_halving, hyperband; default 1): folds before the first rung.</param>
/// <param name="ReductionFactor"><c>reduction_factor</c> (successive_halving default 4, hyperband default 3).</param>
/// <param name="MinEarlyStoppingRate"><c>min_early_stopping_rate</c> (successive_halving; default 0).</param>
public sealed record PrunerSpec(
    PrunerKind Kind,
    int? StartupTrials = null,
    int? WarmupSteps = null,
    int? MinResource = null,
    int? ReductionFactor = null,
    int? MinEarlyStoppingRate = null);
