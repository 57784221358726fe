using Pipeline.Ml.Drift;
using Pipeline.Ml.Profiling;

namespace Pipeline.Ml.Tests.Drift;

public class KolmogorovSmirnovTests
{
    [Fact]
    public void Statistic_UniformTrainingAndThreeLivePoints_IsTheLargestGapOfTheSteps()
    {
        // Training uniform on [0, 1] (F(x) = x). Live {0.1, 0.2, 0.3}: after 0.3 the live CDF is 1 where F = 0.3.
        var d = KolmogorovSmirnov.Statistic([0, 1], [0, 1], [0.1, 0.2, 0.3]);

        Assert.Equal(0.7, d, 12);
    }

    [Fact]
    public void Statistic_GapJustBeforeALivePoint_IsFound()
    {
        // Training uniform on [0, 1]; live {0.9}: just below 0.9 the live CDF is 0 where F = 0.9.
        Assert.Equal(0.9, KolmogorovSmirnov.Statistic([0, 1], [0, 1], [0.9]), 12);
    }

    [Fact]
    public void Statistic_LiveEntirelyAboveTheTrainingRange_IsOne()
    {
        Assert.Equal(1, KolmogorovSmirnov.Statistic([0, 0.5, 1], [10, 20, 30], [31, 40]), 12);
    }

    [Fact]
    public void Statistic_RepeatedQuantiles_TreatTheValueAsAPointMass()
    {
        // Training: half the rows are exactly 0, the rest uniform on (0, 1]. Live all at 0: F_live(0) = 1, F_train(0) = 0.5.
        var d = KolmogorovSmirnov.Statistic([0, 0.25, 0.5, 0.75, 1], [0, 0, 0, 0.5, 1], [0, 0, 0]);

        Assert.Equal(0.5, d, 12);
    }

    [Fact]
    public void Statistic_FromProfileQuantiles_IsWithinTheLevelSpacingOfTheExactTwoSampleStatistic()
    {
        var random = new Random(7);
        var training = Enumerable.Range(0, 2000).Select(_ => Normal(random)).ToArray();
        var live = Enumerable.Range(0, 300).Select(_ => Normal(random) + 0.3).ToArray();
        var profile = TrainingProfiler.Numeric("x", training);

        var approximate = KolmogorovSmirnov.Statistic(TrainingProfiler.QuantileLevels, profile.Quantiles, live);
        var exact = KolmogorovSmirnov.Exact(training, live);

        Assert.InRange(Math.Abs(approximate - exact), 0, 0.02);
        Assert.InRange(exact, 0.05, 0.3);
    }

    [Fact]
    public void Exact_HandComputed_IsTheLargestCdfGap()
    {
        // {1, 2, 3} against {2, 3, 4}: at x = 1 the CDFs are 1/3 and 0.
        Assert.Equal(1.0 / 3, KolmogorovSmirnov.Exact([1, 2, 3], [2, 3, 4]), 12);
    }

    [Fact]
    public void CriticalValue_114Against455_IsTheAsymptoticFivePercentBound()
    {
        // 1.358 · sqrt(569 / 51870) = 1.358 · 0.104737 = 0.142233
        Assert.Equal(0.142233, KolmogorovSmirnov.CriticalValue(114, 455), 5);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
