using Pipeline.Stages.Spec;

namespace Pipeline.Bench.Sweeps;

/// <summary>
/// A cheap stand-in for a tree sweep with the same kinds of parameters (a log-scale real, two log-scale integers,
/// a linear integer) and a known optimum: minus a sum of squared scaled distances, 0 at the optimum.
/// </summary>
internal static class SyntheticObjective
{
    public static IReadOnlyList<SearchSpaceEntry> Space { get; } =
    [
        new("lightgbm",
        [
            new SearchParameter("learning_rate", new RangeDomain(0.001, 0.5, Log: true, Integer: false)),
            new SearchParameter("number_of_leaves", new RangeDomain(2, 256, Log: true, Integer: true)),
            new SearchParameter("number_of_trees", new RangeDomain(10, 1000, Log: true, Integer: true)),
            new SearchParameter("min_examples_per_leaf", new RangeDomain(1, 100, Log: false, Integer: true)),
        ]),
    ];

    public static double Evaluate(TrialConfiguration c)
    {
        double V(string name) => c.Find(name)!.AsDouble();
        return -(Math.Pow(Math.Log10(V("learning_rate")) + 1.5, 2)
            + Math.Pow((Math.Log2(V("number_of_leaves")) - 5) / 2, 2)
            + Math.Pow(Math.Log(V("number_of_trees") / 300), 2)
            + Math.Pow((V("min_examples_per_leaf") - 20) / 20, 2));
    }
}
