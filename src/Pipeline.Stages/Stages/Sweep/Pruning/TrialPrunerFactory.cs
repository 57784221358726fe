using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Stages.Sweep.Pruning;

/// <summary>Turns the <c>sweep.pruner</c> section into a pruner; null when the sweep does not prune.</summary>
public static class TrialPrunerFactory
{
    /// <summary>The pruner <paramref name="spec"/> declares for a metric optimised in <paramref name="direction"/> over <paramref name="folds"/> steps.</summary>
    public static ITrialPruner? Create(PrunerSpec? spec, OptimizationDirection direction, int folds) => spec?.Kind switch
    {
        null => null,
        PrunerKind.Median => new MedianPruner(direction, spec.StartupTrials ?? MedianPruner.DefaultStartupTrials, spec.WarmupSteps ?? 0),
        PrunerKind.SuccessiveHalving => new SuccessiveHalvingPruner(direction, spec.MinResource ?? 1,
            spec.ReductionFactor ?? SuccessiveHalvingPruner.DefaultReductionFactor, spec.MinEarlyStoppingRate ?? 0),
        PrunerKind.Hyperband => new HyperbandPruner(direction, folds, spec.MinResource ?? 1, spec.ReductionFactor ?? HyperbandPruner.DefaultReductionFactor),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, null),
    };
}
