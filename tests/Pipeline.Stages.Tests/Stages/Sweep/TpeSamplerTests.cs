using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages.Sweep.Sampling;
using static Pipeline.Stages.Tests.Stages.Sweep.SweepTestSpaces;

namespace Pipeline.Stages.Tests.Stages.Sweep;

public sealed class TpeSamplerTests
{
    private static double Quadratic(TrialConfiguration c) => -Math.Pow(X(c) - 1.3, 2);

    [Fact]
    public void Sample_OneDimensionalQuadratic_ConvergesCloserThanRandomForFixedSeeds()
    {
        double tpeRegret = 0, randomRegret = 0;
        for (var seed = 1; seed <= 8; seed++)
        {
            var space = OneRange(-10, 10);
            tpeRegret += -Run(new TpeSampler(space, OptimizationDirection.Maximize, seed), 40, Quadratic).Max(t => t.Value!.Value);
            randomRegret += -Run(new RandomSampler(space, seed), 40, Quadratic).Max(t => t.Value!.Value);
        }

        Assert.True(tpeRegret < randomRegret / 3, $"mean regret after 40 trials: tpe {tpeRegret / 8:G3}, random {randomRegret / 8:G3}");
    }

    [Fact]
    public void Sample_Minimize_MovesTowardsTheSmallestValue()
    {
        var history = Run(new TpeSampler(OneRange(0, 100), OptimizationDirection.Minimize, 3), 40, c => X(c));

        // Random draws average 50; TPE keeps exploring (the prior) but centres on the low end.
        Assert.True(history.Skip(20).Average(t => X(t.Configuration)) < 30, string.Join(", ", history.Select(t => X(t.Configuration).ToString("F1"))));
    }

    [Fact]
    public void Sample_SameSeedAndHistory_GivesTheSameTrials_AnotherSeedDoesNot()
    {
        var space = OneRange(1e-4, 10, log: true);
        string Trials(int seed) => string.Join(";", Run(new TpeSampler(space, OptimizationDirection.Maximize, seed), 25, Quadratic).Select(t => t.Configuration.ToString()));

        Assert.Equal(Trials(7), Trials(7));
        Assert.NotEqual(Trials(7), Trials(8));
    }

    [Fact]
    public void Sample_StartupTrials_AreTheRandomSamplersDraws()
    {
        var space = OneRange(0, 1);
        var tpe = Run(new TpeSampler(space, OptimizationDirection.Maximize, 5, new TpeOptions(StartupTrials: 6)), 6, Quadratic);
        var random = Run(new RandomSampler(space, 5), 6, Quadratic);

        Assert.Equal(random.Select(t => t.Configuration.ToString()), tpe.Select(t => t.Configuration.ToString()));
    }

    [Fact]
    public void Sample_LogAndIntegerRanges_StayInBoundsAndIntegersAreWhole()
    {
        IReadOnlyList<SearchSpaceEntry> space =
        [
            new("t",
            [
                new SearchParameter("rate", new RangeDomain(1e-4, 0.5, Log: true, Integer: false)),
                new SearchParameter("leaves", new RangeDomain(2, 128, Log: true, Integer: true)),
                new SearchParameter("rows", new RangeDomain(1, 7, Log: false, Integer: true)),
            ]),
        ];
        var history = Run(new TpeSampler(space, OptimizationDirection.Maximize, 11, new TpeOptions(StartupTrials: 3)), 40,
            c => -Math.Abs(Math.Log(X(c, "rate") / 0.01)) - Math.Abs(X(c, "leaves") - 31) - Math.Abs(X(c, "rows") - 7));

        foreach (var c in history.Select(t => t.Configuration))
        {
            Assert.InRange(X(c, "rate"), 1e-4, 0.5);
            Assert.InRange(X(c, "leaves"), 2, 128);
            Assert.InRange(X(c, "rows"), 1, 7);
            Assert.Equal(ParameterValueKind.Integer, c.Find("leaves")!.Kind);
            Assert.Equal(ParameterValueKind.Integer, c.Find("rows")!.Kind);
        }

        // The top of an integer range is reachable, and TPE finds it when it is best.
        Assert.True(history.Skip(20).Count(t => X(t.Configuration, "rows") == 7) >= 10);
    }

    [Fact]
    public void Sample_TrainerChoice_PrefersTheBetterTrainerAndDrawsOnlyItsOwnParameters()
    {
        IReadOnlyList<SearchSpaceEntry> space =
        [
            new("good", [new SearchParameter("a", new RangeDomain(0, 1, false, false)), new SearchParameter("kind", Choices("x", "y"))]),
            new("bad", [new SearchParameter("b", new RangeDomain(0, 1, false, false))]),
        ];
        var history = Run(new TpeSampler(space, OptimizationDirection.Maximize, 2), 50,
            c => c.Trainer == "good" ? 1 + X(c, "a") + (c.Find("kind")!.Text == "y" ? 1 : 0) : X(c, "b"));

        Assert.True(history.Skip(20).Count(t => t.Configuration.Trainer == "good") >= 25);
        Assert.True(history.Skip(20).Where(t => t.Configuration.Trainer == "good").Count(t => t.Configuration.Find("kind")!.Text == "y") >= 15);
        Assert.All(history, t => Assert.Equal(t.Configuration.Trainer == "good" ? ["a", "kind"] : ["b"], t.Configuration.Parameters.Select(p => p.Key)));
    }

    [Fact]
    public void Sample_RunningTrials_AreConditionedOnSoParallelSamplesDiffer()
    {
        var space = OneRange(0, 10);
        var sampler = new TpeSampler(space, OptimizationDirection.Maximize, 4, new TpeOptions(StartupTrials: 5));
        var history = Run(sampler, 12, Quadratic);
        var alone = sampler.Sample(12, history);
        var withRunning = sampler.Sample(12, [.. history, new TrialRecord(13, alone with { Index = 13 }, TrialState.Running, null, [])]);

        Assert.NotEqual(X(alone), X(withRunning));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(10, 1)]
    [InlineData(11, 2)]
    [InlineData(249, 25)]
    [InlineData(1000, 25)]
    public void Gamma_IsTenPercentRoundedUp_AtMost25(int n, int expected) => Assert.Equal(expected, TpeOptions.Gamma(n));

    private static ValueListDomain Choices(params string[] values) => new([.. values.Select(ParameterValue.FromString)]);
}
