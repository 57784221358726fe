using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages.Sweep.Pruning;
using Pipeline.Stages.Stages.Sweep.Sampling;
using static Pipeline.Stages.Tests.Stages.Sweep.SweepTestSpaces;

namespace Pipeline.Stages.Tests.Stages.Sweep;

/// <summary>Hand-computed cases of Optuna's pruner semantics; steps are folds done (1-based).</summary>
public sealed class PrunerTests
{
    private const OptimizationDirection Max = OptimizationDirection.Maximize;

    private static readonly TrialRecord[] ThreeComplete =
    [
        Complete(0, 0.90, 0.80, 0.90),
        Complete(1, 0.92, 0.90, 0.92),
        Complete(2, 0.97, 0.95, 0.97),
    ];

    [Theory]
    [InlineData(0.85, true)]   // below the median 0.90 of the complete trials at step 1
    [InlineData(0.90, false)]  // equal is not worse
    [InlineData(0.99, false)]
    public void Median_AtStepOne_PrunesBelowTheMedianOfCompleteTrials(double value, bool pruned) =>
        Assert.Equal(pruned, new MedianPruner(Max, startupTrials: 3).ShouldPrune(Live(9, value), ThreeComplete));

    [Fact]
    public void Median_FewerCompleteThanStartup_NeverPrunes() =>
        Assert.False(new MedianPruner(Max, startupTrials: 4).ShouldPrune(Live(9, 0.1), ThreeComplete));

    [Fact]
    public void Median_RunningTrialsDoNotCountTowardsTheMedian() =>
        Assert.False(new MedianPruner(Max, startupTrials: 3).ShouldPrune(Live(9, 0.85), [.. ThreeComplete.Take(2), Live(5, 0.2), Complete(6, 0.7, 0.7)]));

    [Fact]
    public void Median_BeforeWarmupSteps_NeverPrunes()
    {
        var pruner = new MedianPruner(Max, startupTrials: 1, warmupSteps: 2);

        Assert.False(pruner.ShouldPrune(Live(9, 0.1), ThreeComplete));
        Assert.True(pruner.ShouldPrune(Live(9, 0.1, 0.1), ThreeComplete));
    }

    [Fact]
    public void Median_ComparesTheTrialsBestValueSoFar()
    {
        // At step 2 the median is 0.92; the trial fell to 0.70 but its best, 0.95, is above it.
        Assert.False(new MedianPruner(Max, startupTrials: 1).ShouldPrune(Live(9, 0.95, 0.70), ThreeComplete));
    }

    [Fact]
    public void Median_EvenCount_InterpolatesAndMinimizeFlips()
    {
        TrialRecord[] losses = [Complete(0, 1, 1.0), Complete(1, 2, 2.0), Complete(2, 3, 3.0), Complete(3, 4, 4.0)];
        var pruner = new MedianPruner(OptimizationDirection.Minimize, startupTrials: 1);

        Assert.True(pruner.ShouldPrune(Live(9, 2.6), losses));   // median 2.5
        Assert.False(pruner.ShouldPrune(Live(9, 2.5), losses));
    }

    [Fact]
    public void Median_NaN_IsPruned() => Assert.True(new MedianPruner(Max, startupTrials: 1).ShouldPrune(Live(9, double.NaN), ThreeComplete));

    [Theory]
    [InlineData(0.85, true)]   // 4 at the rung, keep the top 4/4 = 1: only 0.90 or better survives
    [InlineData(0.95, false)]
    public void SuccessiveHalving_AtTheFirstRung_KeepsTheTopQuarter(double value, bool pruned)
    {
        TrialRecord[] others = [Complete(0, 0.9, 0.90), Live(1, 0.80), Live(2, 0.70)];

        Assert.Equal(pruned, new SuccessiveHalvingPruner(Max).ShouldPrune(Live(9, value), others));
    }

    [Fact]
    public void SuccessiveHalving_FirstTrialAtARung_IsKept_AndStepsBetweenRungsAreNotDecided()
    {
        var pruner = new SuccessiveHalvingPruner(Max, reductionFactor: 2);

        Assert.False(pruner.ShouldPrune(Live(0, 0.1), []));
        // Rungs at steps 1, 2, 4: step 3 is between rungs.
        Assert.False(pruner.ShouldPrune(Live(9, 0.9, 0.9, 0.1), [Complete(0, 0.99, 0.99, 0.99, 0.99, 0.99)]));
        Assert.True(pruner.ShouldPrune(Live(9, 0.9, 0.9, 0.9, 0.1), [Complete(0, 0.99, 0.99, 0.99, 0.99, 0.99)]));
    }

    [Fact]
    public void SuccessiveHalving_MinResourceAndEarlyStoppingRate_MoveTheFirstRung()
    {
        var pruner = new SuccessiveHalvingPruner(Max, minResource: 1, reductionFactor: 3, minEarlyStoppingRate: 1);
        TrialRecord[] others = [Complete(0, 0.99, 0.99, 0.99, 0.99)];

        Assert.Equal(3, pruner.RungStep(0));
        Assert.False(pruner.ShouldPrune(Live(9, 0.1), others));
        Assert.True(pruner.ShouldPrune(Live(9, 0.1, 0.1, 0.1), others));
    }

    [Fact]
    public void Hyperband_FiveFoldsFactorThree_HasTwoBrackets_AndOnlyTheFirstPrunesAtFoldOne()
    {
        var pruner = new HyperbandPruner(Max, maxResource: 5);
        var first = Enumerable.Range(0, 50).First(n => pruner.BracketOf(n) == 0);
        var second = Enumerable.Range(0, 50).First(n => pruner.BracketOf(n) == 1);
        var peers = Enumerable.Range(100, 50).Select(n => Complete(n, 0.99, 0.99, 0.99, 0.99)).ToArray();

        Assert.Equal(2, pruner.BracketCount);
        Assert.True(pruner.ShouldPrune(Live(first, 0.1), peers));
        Assert.False(pruner.ShouldPrune(Live(second, 0.1), peers));
        Assert.True(pruner.ShouldPrune(Live(second, 0.1, 0.1, 0.1), peers));
        // Budgets 3 : 2 (ceil(2 * 3 / 2), ceil(2 * 1 / 1)): about 60 % of trials land in the first bracket.
        Assert.InRange(Enumerable.Range(0, 1000).Count(n => pruner.BracketOf(n) == 0), 520, 680);
    }
}
