namespace Pipeline.Stages.Spec;

/// <summary>Turns a search space into the ordered list of trial configurations. Deterministic.</summary>
public static class SearchSpaceExpander
{
    /// <summary>
    /// <c>grid</c>: <see cref="Grid"/>; <c>random</c>: <see cref="Random"/> with the sweep's trials and seed.
    /// </summary>
    /// <exception cref="InvalidOperationException">The strategy is <c>tpe</c>, which chooses each trial from the ones before.</exception>
    public static IReadOnlyList<TrialConfiguration> Expand(SweepSpec sweep) => sweep.Strategy switch
    {
        SweepStrategy.Grid => Grid(sweep.SearchSpace),
        SweepStrategy.Random => Random(sweep.SearchSpace, sweep.Trials, sweep.Seed),
        _ => throw new InvalidOperationException("A tpe sweep chooses each trial from the results before it; its trials cannot be listed in advance."),
    };

    /// <summary>
    /// Every combination, entry by entry in file order; within an entry the last parameter varies fastest
    /// (an odometer). An entry without parameters gives one configuration.
    /// </summary>
    /// <exception cref="ArgumentException">An entry holds a <see cref="RangeDomain"/>.</exception>
    public static IReadOnlyList<TrialConfiguration> Grid(IReadOnlyList<SearchSpaceEntry> space)
    {
        var trials = new List<TrialConfiguration>();
        foreach (var entry in space)
        {
            var lists = entry.Parameters.Select(p => p.Domain is ValueListDomain list
                ? list.Values
                : throw new ArgumentException($"'{entry.Trainer}.{p.Name}' is a range; grid search needs a list of values.", nameof(space)))
                .ToList();
            var digits = new int[lists.Count];
            do
            {
                var values = entry.Parameters
                    .Select((p, i) => KeyValuePair.Create(p.Name, lists[i][digits[i]]))
                    .ToList();
                trials.Add(new TrialConfiguration(trials.Count, entry.Trainer, values));
            }
            while (Advance(digits, lists));
        }

        return trials;
    }

    /// <summary>
    /// <paramref name="trials"/> draws from a generator seeded with <paramref name="seed"/>: each picks an entry
    /// uniformly, then each parameter in file order: a list value uniformly, a range uniformly or log-uniformly,
    /// rounded down to whole numbers when <see cref="RangeDomain.Integer"/>. The first k draws do not depend on
    /// <paramref name="trials"/>. Duplicates are possible.
    /// </summary>
    public static IReadOnlyList<TrialConfiguration> Random(IReadOnlyList<SearchSpaceEntry> space, int trials, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        if (space.Count == 0 || trials == 0) return [];
        var random = new SplitMix64(seed);
        var result = new List<TrialConfiguration>(trials);
        for (var t = 0; t < trials; t++)
        {
            var entry = space[(int)random.NextIndex(space.Count)];
            var values = entry.Parameters
                .Select(p => KeyValuePair.Create(p.Name, Draw(p.Domain, random)))
                .ToList();
            result.Add(new TrialConfiguration(t, entry.Trainer, values));
        }

        return result;
    }

    /// <summary>
    /// The number of grid configurations; a range counts as one value. Each entry's count saturates at
    /// <see cref="int.MaxValue"/> so that absurd grids are reported, not overflowed.
    /// </summary>
    public static long GridSize(IReadOnlyList<SearchSpaceEntry> space) =>
        space.Sum(entry => entry.Parameters.Aggregate(1L, (size, p) =>
            Math.Min(int.MaxValue, size * (p.Domain is ValueListDomain list ? list.Values.Count : 1))));

    private static bool Advance(int[] digits, List<IReadOnlyList<ParameterValue>> lists)
    {
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            if (++digits[i] < lists[i].Count) return true;
            digits[i] = 0;
        }

        return false;
    }

    private static ParameterValue Draw(ParameterDomain domain, SplitMix64 random)
    {
        if (domain is ValueListDomain list)
        {
            return list.Values[(int)random.NextIndex(list.Values.Count)];
        }

        var range = (RangeDomain)domain;
        var u = random.NextDouble();
        // Integer draws widen the top by one so that max is as likely as any other whole value.
        var top = range.Integer ? range.Max + 1 : range.Max;
        var x = range.Log
            ? Math.Exp(Math.Log(range.Min) + (u * (Math.Log(top) - Math.Log(range.Min))))
            : range.Min + (u * (top - range.Min));
        return range.Integer
            ? ParameterValue.FromInteger((long)Math.Clamp(Math.Floor(x), range.Min, range.Max))
            : ParameterValue.FromNumber(Math.Clamp(x, range.Min, range.Max));
    }
}
