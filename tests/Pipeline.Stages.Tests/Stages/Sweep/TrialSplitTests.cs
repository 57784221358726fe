using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages.Sweep.Sampling;
using static Pipeline.Stages.Tests.Stages.Sweep.SweepTestSpaces;

namespace Pipeline.Stages.Tests.Stages.Sweep;

public sealed class TrialSplitTests
{
    [Fact]
    public void Split_TakesTheBestCompleteTrials_RunningAndFailedNeverBelow()
    {
        var history = Enumerable.Range(0, 11).Select(i => Complete(i, i / 10.0)).ToList<TrialRecord>();
        history.Add(Live(11));
        history.Add(new TrialRecord(12, new TrialConfiguration(12, "t", []), TrialState.Failed, null, []));

        var (below, above) = TrialSplit.Split(history, OptimizationDirection.Maximize);

        Assert.Equal([9, 10], below.Select(t => t.Number));
        Assert.Equal([.. Enumerable.Range(0, 9), 11], above.Select(t => t.Number));
    }

    [Fact]
    public void Split_TooFewComplete_FillsWithPrunedThatGotFurthestThenBest()
    {
        TrialRecord Pruned(int n, params double[] values) => new(n, new TrialConfiguration(n, "t", []), TrialState.Pruned, null, values);
        // 11 finished trials: gamma = 2; one complete, so one pruned joins it below: the one with two steps.
        List<TrialRecord> history = [Complete(0, 0.5), Pruned(1, 0.9), Pruned(2, 0.4, 0.45), Pruned(3, 0.3, 0.35), .. Enumerable.Range(4, 7).Select(i => Pruned(i, 0.1))];

        var (below, _) = TrialSplit.Split(history, OptimizationDirection.Maximize);

        Assert.Equal([0, 2], below.Select(t => t.Number));
    }
}
