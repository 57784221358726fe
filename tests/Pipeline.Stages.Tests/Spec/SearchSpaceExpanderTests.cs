using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Tests.Spec;

public sealed class SearchSpaceExpanderTests
{
    private static ValueListDomain Ints(params long[] values) => new(values.Select(ParameterValue.FromInteger).ToList());

    private static readonly IReadOnlyList<SearchSpaceEntry> TwoEntries =
    [
        new("fast_tree", [new("number_of_trees", Ints(50, 100)), new("number_of_leaves", Ints(4, 8, 16))]),
        new("ols", []),
    ];

    [Fact]
    public void Grid_TwoParameters_IsCartesianWithTheLastParameterFastestThenNextEntry()
    {
        var trials = SearchSpaceExpander.Grid(TwoEntries);

        Assert.Equal(
        [
            "fast_tree(number_of_trees=50, number_of_leaves=4)",
            "fast_tree(number_of_trees=50, number_of_leaves=8)",
            "fast_tree(number_of_trees=50, number_of_leaves=16)",
            "fast_tree(number_of_trees=100, number_of_leaves=4)",
            "fast_tree(number_of_trees=100, number_of_leaves=8)",
            "fast_tree(number_of_trees=100, number_of_leaves=16)",
            "ols()",
        ],
        trials.Select(t => t.ToString()));
        Assert.Equal(7, SearchSpaceExpander.GridSize(TwoEntries));
        Assert.Equal(100, trials[4].Find("number_of_trees")!.AsInt32());
        Assert.Null(trials[4].Find("learning_rate"));
    }

    [Fact]
    public void Grid_RangeDomain_Throws()
    {
        IReadOnlyList<SearchSpaceEntry> space = [new("fast_tree", [new("learning_rate", new RangeDomain(0.1, 0.2, false, false))])];

        Assert.Throws<ArgumentException>(() => SearchSpaceExpander.Grid(space));
    }

    private static readonly IReadOnlyList<SearchSpaceEntry> Ranges =
    [
        new("lightgbm",
        [
            new("learning_rate", new RangeDomain(0.001, 1, Log: true, Integer: false)),
            new("number_of_leaves", new RangeDomain(2, 64, Log: true, Integer: true)),
            new("minimum_example_count_per_leaf", new RangeDomain(1, 3, Log: false, Integer: true)),
            new("booster", new ValueListDomain([ParameterValue.FromString("gbdt"), ParameterValue.FromString("dart")])),
        ]),
        new("ols", []),
    ];

    [Fact]
    public void Random_SameSeed_GivesTheSameDrawsAndLongerRunsExtendShorterOnes()
    {
        var first = SearchSpaceExpander.Random(Ranges, 50, seed: 7).Select(t => t.ToString()).ToList();
        var again = SearchSpaceExpander.Random(Ranges, 50, seed: 7).Select(t => t.ToString()).ToList();
        var shorter = SearchSpaceExpander.Random(Ranges, 10, seed: 7).Select(t => t.ToString());
        var otherSeed = SearchSpaceExpander.Random(Ranges, 50, seed: 8).Select(t => t.ToString());

        Assert.Equal(first, again);
        Assert.Equal(first.Take(10), shorter);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public void Random_Ranges_StayInBoundsAreWholeWhenIntegerAndSpreadOverTheLogScale()
    {
        var trials = SearchSpaceExpander.Random(Ranges, 2000, seed: 42).Where(t => t.Trainer == "lightgbm").ToList();

        var rates = trials.Select(t => t.Find("learning_rate")!.AsDouble()).ToList();
        var leaves = trials.Select(t => t.Find("number_of_leaves")!).ToList();
        var minimum = trials.Select(t => t.Find("minimum_example_count_per_leaf")!.AsInt32()).ToList();
        Assert.All(rates, r => Assert.InRange(r, 0.001, 1));
        Assert.All(leaves, l => Assert.Equal(ParameterValueKind.Integer, l.Kind));
        Assert.All(leaves, l => Assert.InRange(l.AsInt32(), 2, 64));
        Assert.Equal([1, 2, 3], minimum.Distinct().Order());
        // Log-uniform on [0.001, 1]: each decade holds about a third of the draws; uniform would put 90% in the top one.
        var share = rates.Count(r => r < 0.01) / (double)rates.Count;
        Assert.InRange(share, 0.25, 0.42);
        Assert.InRange(trials.Count, 900, 1100);
        Assert.Equal(["dart", "gbdt"], trials.Select(t => t.Find("booster")!.Text).Distinct().Order());
    }

    [Fact]
    public void Expand_RandomSweep_UsesTrialsAndSeedOfTheSpec()
    {
        var sweep = new SweepSpec(SweepStrategy.Random, 5, 11, 5, 1, Ranges);

        Assert.Equal(
            SearchSpaceExpander.Random(Ranges, 5, 11).Select(t => t.ToString()),
            SearchSpaceExpander.Expand(sweep).Select(t => t.ToString()));
        Assert.Equal(Enumerable.Range(0, 5), SearchSpaceExpander.Expand(sweep).Select(t => t.Index));
    }
}
