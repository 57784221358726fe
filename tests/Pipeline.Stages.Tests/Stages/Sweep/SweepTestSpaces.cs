using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages.Sweep.Sampling;

namespace Pipeline.Stages.Tests.Stages.Sweep;

/// <summary>Search spaces and a synchronous ask/tell loop for sampler tests (no training: the objective is a formula).</summary>
internal static class SweepTestSpaces
{
    public static IReadOnlyList<SearchSpaceEntry> OneRange(double min, double max, bool log = false, bool integer = false) =>
        [new SearchSpaceEntry("t", [new SearchParameter("x", new RangeDomain(min, max, log, integer))])];

    /// <summary>Runs <paramref name="trials"/> trials one after another, as a single-worker sweep does.</summary>
    public static List<TrialRecord> Run(ITrialSampler sampler, int trials, Func<TrialConfiguration, double> objective)
    {
        var history = new List<TrialRecord>();
        for (var n = 0; n < trials; n++)
        {
            var configuration = sampler.Sample(n, history);
            history.Add(new TrialRecord(n, configuration, TrialState.Complete, objective(configuration), []));
        }

        return history;
    }

    public static double X(TrialConfiguration c, string name = "x") => c.Find(name)!.AsDouble();

    public static TrialRecord Complete(int number, double value, params double[] intermediate) =>
        new(number, new TrialConfiguration(number, "t", []), TrialState.Complete, value, intermediate);

    public static TrialRecord Live(int number, params double[] intermediate) =>
        new(number, new TrialConfiguration(number, "t", []), TrialState.Running, null, intermediate);
}
