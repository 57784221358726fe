using System.Globalization;
using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages.Sweep.Sampling;

namespace Pipeline.Bench.Sweeps;

/// <summary>Best-so-far curves of TPE and random search over seeds, on one objective (maximised), trial by trial.</summary>
internal sealed record SamplerComparison(double[][] Tpe, double[][] Random)
{
    public static SamplerComparison Run(IReadOnlyList<SearchSpaceEntry> space, Func<TrialConfiguration, double> objective, int seeds, int trials)
    {
        var tpe = new double[seeds][];
        var random = new double[seeds][];
        for (var s = 0; s < seeds; s++)
        {
            tpe[s] = BestSoFar(new TpeSampler(space, OptimizationDirection.Maximize, s + 1), objective, trials);
            random[s] = BestSoFar(new RandomSampler(space, s + 1), objective, trials);
        }

        return new SamplerComparison(tpe, random);
    }

    private static double[] BestSoFar(ITrialSampler sampler, Func<TrialConfiguration, double> objective, int trials)
    {
        var history = new List<TrialRecord>();
        var best = new double[trials];
        for (var n = 0; n < trials; n++)
        {
            var configuration = sampler.Sample(n, history);
            var value = objective(configuration);
            history.Add(new TrialRecord(n, configuration, TrialState.Complete, value, []));
            best[n] = n == 0 ? value : Math.Max(best[n - 1], value);
        }

        return best;
    }

    public void Print(TextWriter output, string title)
    {
        var trials = Tpe[0].Length;
        output.WriteLine();
        output.WriteLine($"{title}; {Tpe.Length} seeds, mean best-so-far (higher is better)");
        output.WriteLine("| trials | random | tpe | tpe - random |");
        output.WriteLine("| ---: | ---: | ---: | ---: |");
        foreach (var n in new[] { 10, 20, 50 }.Where(n => n <= trials))
        {
            var (r, t) = (Tpe.Length == 0 ? 0 : Random.Average(c => c[n - 1]), Tpe.Average(c => c[n - 1]));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {n} | {r:F5} | {t:F5} | {t - r:+0.00000;-0.00000;0} |"));
        }

        // Trials TPE needs to reach random's best after all trials: on the mean curves, and seed by seed (paired).
        var target = Random.Average(c => c[^1]);
        var meanCurve = Enumerable.Range(0, trials).Select(n => Tpe.Average(c => c[n])).ToArray();
        var onMean = Array.FindIndex(meanCurve, v => v >= target);
        var paired = Tpe.Select((c, s) => Array.FindIndex(c, v => v >= Random[s][^1])).ToArray();
        var reached = paired.Where(i => i >= 0).Select(i => i + 1).Order().ToArray();
        var onMeanText = onMean < 0 ? $"more than {trials}" : (onMean + 1).ToString(CultureInfo.InvariantCulture);
        var pairedText = reached.Length == 0 ? "." : $", after a median of {reached[reached.Length / 2]} trials.";
        output.WriteLine(FormattableString.Invariant(
            $"TPE's mean best-so-far reaches random's {trials}-trial mean best ({target:F5}) after {onMeanText} trials; seed by seed it reaches that seed's random {trials}-trial best in {reached.Length} of {Tpe.Length} seeds{pairedText}"));
    }
}
