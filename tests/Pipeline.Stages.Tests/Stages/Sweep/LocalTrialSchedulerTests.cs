using Microsoft.Extensions.Time.Testing;
using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages.Sweep;
using Pipeline.Stages.Stages.Sweep.Sampling;
using static Pipeline.Stages.Tests.Stages.Sweep.SweepTestSpaces;

namespace Pipeline.Stages.Tests.Stages.Sweep;

public sealed class LocalTrialSchedulerTests
{
    private static SweepSpec Sweep(TimeSpan? timeout = null, string? stopWhen = null) =>
        new(SweepStrategy.Tpe, 10, 1, 5, 1, OneRange(0, 1))
        {
            Timeout = timeout,
            StopWhen = stopWhen is null ? null : GateSpec.TryParse(stopWhen, out var gate, out _) ? gate : null,
        };

    private static async Task<ScheduledTrials> RunAsync(SweepSpec sweep, FakeTimeProvider time, TimeSpan perTrial, int parallelism = 1)
    {
        var sampler = new TpeSampler(sweep.SearchSpace, OptimizationDirection.Maximize, sweep.Seed, new TpeOptions(StartupTrials: 3));
        var scheduler = new LocalTrialScheduler(sampler, new TrialHistory(), new SweepStopRules(sweep, time), "roc_auc", sweep.Trials, parallelism);
        return await scheduler.RunAsync((trial, _) =>
        {
            time.Advance(perTrial);
            return Task.FromResult(new TrialOutcome(trial, $"run{trial.Index}", new Dictionary<string, double> { ["roc_auc"] = X(trial) }, null));
        }, _ => { }, default);
    }

    [Fact]
    public async Task Timeout_StopsStartingTrials_AndCountsTheRestAsNotRun()
    {
        var result = await RunAsync(Sweep(timeout: TimeSpan.FromSeconds(25)), new FakeTimeProvider(), TimeSpan.FromSeconds(10));

        Assert.Equal(3, result.Outcomes.Count);
        Assert.Equal(7, result.NotRun);
        Assert.Equal("timeout of 25 s reached", result.StopReason);
    }

    [Fact]
    public async Task StopWhen_MetByACompleteTrial_StopsAfterIt()
    {
        var result = await RunAsync(Sweep(stopWhen: "roc_auc >= 0"), new FakeTimeProvider(), TimeSpan.Zero);

        Assert.Single(result.Outcomes);
        Assert.Equal(9, result.NotRun);
        Assert.StartsWith("stop_when 'roc_auc >= 0' met by", result.StopReason);
    }

    [Fact]
    public async Task NoStopRule_RunsEveryTrialOnceInNumberOrder_AtAnyParallelism()
    {
        var result = await RunAsync(Sweep(), new FakeTimeProvider(), TimeSpan.Zero, parallelism: 3);

        Assert.Equal(Enumerable.Range(0, 10), result.Outcomes.Select(o => o.Trial.Index).Order());
        Assert.Equal(0, result.NotRun);
        Assert.Null(result.StopReason);
    }
}
