using System.Runtime.InteropServices;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Runs;
using Pipeline.Tracking.Tests.Fakes;

namespace Pipeline.Tracking.Tests.Runs;

public sealed class RunInterruptGuardTests : IDisposable
{
    private readonly RunsFixture _fx = new();
    private readonly ManualSignalSource _signals = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task Signal_EndsOpenRunsKilled_ChildBeforeParent()
    {
        using var guard = new RunInterruptGuard(_signals);
        var client = _fx.Client(guard: guard);
        var parent = await client.StartRunAsync(_fx.ExperimentId, "parent");
        var child = await client.StartRunAsync(_fx.ExperimentId, "child", parent.RunId);

        _fx.Clock.AdvanceOnRead = TimeSpan.FromMilliseconds(1); // end times then record the order of the updates

        var cancelled = _signals.Raise(PosixSignal.SIGTERM);

        Assert.False(cancelled); // the process goes on to stop
        var childInfo = (await _fx.Store.GetRunAsync(child.RunId)).Info;
        var parentInfo = (await _fx.Store.GetRunAsync(parent.RunId)).Info;
        Assert.Equal((RunStatus.Killed, RunStatus.Killed), (childInfo.Status, parentInfo.Status));
        Assert.True(childInfo.EndTime < parentInfo.EndTime, $"child ended at {childInfo.EndTime}, parent at {parentInfo.EndTime}");
        Assert.Empty(guard.OpenRuns);
        Assert.True(guard.Interrupted.IsCancellationRequested);
        await parent.DisposeAsync(); // already ended: nothing more is written
        Assert.Equal(parentInfo, (await _fx.Store.GetRunAsync(parent.RunId)).Info);
    }

    [Fact]
    public async Task RunEndedNormally_IsNoLongerTrackedAndKeepsItsStatus()
    {
        using var guard = new RunInterruptGuard(_signals);
        var client = _fx.Client(guard: guard);
        var finished = await client.StartRunAsync(_fx.ExperimentId);
        var open = await client.StartRunAsync(_fx.ExperimentId);
        await finished.EndAsync();

        Assert.Equal([open], guard.OpenRuns);
        _signals.Raise(PosixSignal.SIGINT);

        Assert.Equal(RunStatus.Finished, (await _fx.Store.GetRunAsync(finished.RunId)).Info.Status);
        Assert.Equal(RunStatus.Killed, (await _fx.Store.GetRunAsync(open.RunId)).Info.Status);
    }

    [Fact]
    public async Task Signal_KeepProcessAliveWithFailedStatus_CancelsSignalAndMarksFailed()
    {
        using var guard = new RunInterruptGuard(_signals, RunStatus.Failed, keepProcessAlive: true);
        var run = await _fx.Client(guard: guard).StartRunAsync(_fx.ExperimentId);

        var cancelled = _signals.Raise(PosixSignal.SIGINT);

        Assert.True(cancelled);
        Assert.Equal(RunStatus.Failed, run.EndStatus);
    }

    [Fact]
    public async Task Signal_StoreFails_ReportsErrorInsteadOfThrowing()
    {
        var errors = new List<Exception>();
        using var guard = new RunInterruptGuard(_signals, onError: errors.Add);
        var store = new FailingTrackingStore(_fx.Store);
        var run = await _fx.Client(guard: guard, store: store).StartRunAsync(_fx.ExperimentId);
        store.FailUpdates = true;

        _signals.Raise(PosixSignal.SIGTERM);

        var error = Assert.IsType<TrackingException>(Assert.Single(errors));
        Assert.Contains("unavailable", error.Message);
        Assert.Null(run.EndStatus); // still open, so disposal can try again
    }

    [Fact]
    public void Dispose_StopsListening()
    {
        var guard = new RunInterruptGuard(_signals);
        Assert.Equal(1, _signals.SubscriberCount);

        guard.Dispose();

        Assert.Equal(0, _signals.SubscriberCount);
    }

    [Fact]
    public void Constructor_FinishedStatus_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RunInterruptGuard(_signals, RunStatus.Finished));
}
