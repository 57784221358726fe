using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Stages.Sweep.Sampling;

/// <summary>
/// The Tree-structured Parzen Estimator (Bergstra et al. 2011) as Optuna's default <c>TPESampler</c> defines it:
/// random draws (<see cref="RandomSampler"/>) until <see cref="TpeOptions.StartupTrials"/> trials have finished;
/// then, per parameter and independently, the history is split into good and bad trials
/// (<see cref="TrialSplit"/>), a Parzen estimator is fitted to each, <see cref="TpeOptions.EiCandidates"/>
/// candidates are drawn from the good one and the one maximising l(x)/g(x) (expected improvement) is taken.
/// The trainer is a categorical choice drawn first; its parameters are conditional on it, fitted only on trials
/// of that trainer. Log ranges are modelled in log space; integer ranges on their grid. Each trial number gets
/// its own generator derived from the seed, so the result depends on the seed, the number and the history only.
/// </summary>
public sealed class TpeSampler : ITrialSampler
{
    private readonly IReadOnlyList<SearchSpaceEntry> _space;
    private readonly OptimizationDirection _direction;
    private readonly int _seed;
    private readonly TpeOptions _options;
    private readonly RandomSampler _startup;

    /// <summary>A sampler over <paramref name="space"/> for a metric optimised in <paramref name="direction"/>.</summary>
    public TpeSampler(IReadOnlyList<SearchSpaceEntry> space, OptimizationDirection direction, int seed, TpeOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(space.Count);
        _space = space;
        _direction = direction;
        _seed = seed;
        _options = options ?? new TpeOptions();
        _startup = new RandomSampler(space, seed, _options.StartupTrials);
    }

    /// <inheritdoc/>
    public int? Capacity => null;

    /// <inheritdoc/>
    public TrialConfiguration Sample(int trialNumber, IReadOnlyList<TrialRecord> history)
    {
        var finished = history.Count(t => t.State is TrialState.Complete or TrialState.Pruned);
        if (finished < _options.StartupTrials)
            return _startup.Sample(trialNumber, history) with { Index = trialNumber };

        var random = new SplitMix64(unchecked((_seed * 0x5851F42D4C957F2DL) + trialNumber + 1));
        var (below, above) = TrialSplit.Split(history, _direction);
        var entryIndex = _space.Count == 1 ? 0 : SampleEntry(below, above, random);
        var entry = _space[entryIndex];
        var values = entry.Parameters
            .Select(p => KeyValuePair.Create(p.Name, SampleParameter(entry.Trainer, p, below, above, random)))
            .ToList();
        return new TrialConfiguration(trialNumber, entry.Trainer, values);
    }

    private int SampleEntry(List<TrialRecord> below, List<TrialRecord> above, SplitMix64 random)
    {
        var good = EntryIndices(below);
        var bad = EntryIndices(above);
        var l = new CategoricalParzenEstimator(good, _space.Count, _options.PriorWeight);
        var g = new CategoricalParzenEstimator(bad, _space.Count, _options.PriorWeight);
        return Best(() => l.Sample(random), c => l.LogPdf(c) - g.LogPdf(c));
    }

    private List<int> EntryIndices(List<TrialRecord> trials) =>
        [.. trials.Select(t => EntryOf(t.Configuration.Trainer)).Where(i => i >= 0)];

    private int EntryOf(string trainer)
    {
        for (var i = 0; i < _space.Count; i++)
            if (string.Equals(_space[i].Trainer, trainer, StringComparison.Ordinal)) return i;
        return -1;
    }

    private ParameterValue SampleParameter(string trainer, SearchParameter parameter, List<TrialRecord> below, List<TrialRecord> above, SplitMix64 random)
    {
        var domain = SampledDomain.For(parameter.Domain);
        if (domain.Fixed is { } single) return single;
        var good = domain.Observe(Values(trainer, parameter.Name, below));
        var bad = domain.Observe(Values(trainer, parameter.Name, above));
        if (domain.Choices is { } choices)
        {
            var l = new CategoricalParzenEstimator(good.Select(v => (int)v).ToList(), choices, _options.PriorWeight);
            var g = new CategoricalParzenEstimator(bad.Select(v => (int)v).ToList(), choices, _options.PriorWeight);
            return domain.ToValue(Best(() => l.Sample(random), c => l.LogPdf(c) - g.LogPdf(c)));
        }

        var lNum = new NumericParzenEstimator(good, domain.Low, domain.High, domain.Step, _options.PriorWeight);
        var gNum = new NumericParzenEstimator(bad, domain.Low, domain.High, domain.Step, _options.PriorWeight);
        return domain.ToValue(Best(() => lNum.Sample(random), x => lNum.LogPdf(x) - gNum.LogPdf(x)));
    }

    private static IEnumerable<ParameterValue> Values(string trainer, string name, List<TrialRecord> trials) =>
        trials.Where(t => string.Equals(t.Configuration.Trainer, trainer, StringComparison.Ordinal))
            .Select(t => t.Configuration.Find(name))
            .OfType<ParameterValue>();

    /// <summary>Draws the candidates and keeps the first with the highest score.</summary>
    private T Best<T>(Func<T> draw, Func<T, double> score)
    {
        var best = draw();
        var bestScore = score(best);
        for (var i = 1; i < _options.EiCandidates; i++)
        {
            var candidate = draw();
            var s = score(candidate);
            if (s > bestScore)
            {
                best = candidate;
                bestScore = s;
            }
        }

        return best;
    }
}
