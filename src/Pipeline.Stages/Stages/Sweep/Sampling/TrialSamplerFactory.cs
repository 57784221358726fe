using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Stages.Sweep.Sampling;

/// <summary>Turns the <c>sweep</c> section into its sampler: grid, random or TPE.</summary>
public static class TrialSamplerFactory
{
    /// <summary>The sampler of <paramref name="sweep"/> for a metric optimised in <paramref name="direction"/>.</summary>
    public static ITrialSampler Create(SweepSpec sweep, OptimizationDirection direction) => sweep.Strategy switch
    {
        SweepStrategy.Grid => new GridSampler(sweep.SearchSpace),
        SweepStrategy.Random => new RandomSampler(sweep.SearchSpace, sweep.Seed, sweep.Trials),
        SweepStrategy.Tpe => new TpeSampler(sweep.SearchSpace, direction, sweep.Seed, sweep.Tpe ?? new TpeOptions()),
        _ => throw new ArgumentOutOfRangeException(nameof(sweep), sweep.Strategy, null),
    };
}
