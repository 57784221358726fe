using System.Collections.Concurrent;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Sweeps;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Tracking.Tests.Sweeps;

/// <summary>
/// The trial queue's contract, run against each SQL store here and the REST store (through our server) in
/// Pipeline.Server.Tests. Concurrency is real: every claimer opens its own store (its own connections), as separate worker
/// processes do. <see cref="Clock"/> is the queue's clock (on a server, the server's).
/// </summary>
public abstract partial class TrialQueueContractTests<TStore>
    where TStore : class, ITrackingStore, ITrialQueueProvider
{
    protected readonly ManualClock Clock = new(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));

    protected string ArtifactRoot { get; } = Path.Combine(Path.GetTempPath(), "pipeline-artifacts");

    protected abstract TStore OpenStore(TimeProvider clock);

    /// <summary>
    /// Trial 0 is claimed by <paramref name="from"/>, which then goes silent for a minute; the trial is reaped (re-queued)
    /// and claimed again by <paramref name="to"/>, whose claim is returned.
    /// </summary>
    private async Task<ClaimedTrial?> TakeBackAsync(ITrialQueue queue, string id, string from, string to)
    {
        await queue.ClaimAsync(id, from);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await queue.ReapAsync(id, TimeSpan.FromSeconds(10));
        return await queue.ClaimAsync(id, to);
    }

    /// <summary>A store of its own with a new queue in it, made by <paramref name="request"/> from a fresh id starting with <paramref name="prefix"/>.</summary>
    private async Task<OpenQueue> CreateQueueAsync(string prefix, Func<string, SweepQueueRequest> request)
    {
        var id = $"{prefix}-{Guid.NewGuid():N}";
        var store = OpenStore(Clock);
        await store.TrialQueue.CreateOrJoinAsync(request(id));
        return new OpenQueue(store, id);
    }

    /// <summary>A queue and the store it lives in; disposing it closes the store.</summary>
    private sealed record OpenQueue(TStore Store, string Id) : IAsyncDisposable
    {
        public ITrialQueue Queue => Store.TrialQueue;

        public ValueTask DisposeAsync() => Store.DisposeAsync();
    }

    private static SweepQueueRequest Request(string id, int trials, int maxRetries = 1) =>
        new(id, "0", Enumerable.Range(0, trials).Select(i => (string?)$"trainer(C={i})").ToList(), maxRetries);

    [StoreFact]
    public async Task CreateOrJoin_TenRacingWorkers_ExactlyOneCreatesAndAllSeeOneQueue()
    {
        var id = $"race-{Guid.NewGuid():N}";
        var stores = Enumerable.Range(0, 10).Select(_ => OpenStore(Clock)).ToList();
        // A SQL store migrates its schema on first use: done once here, so the racers race only on the queue.
        await stores[0].TrialQueue.GetSweepAsync(id);

        var sweeps = await Task.WhenAll(stores.Select(s => Task.Run(() => s.TrialQueue.CreateOrJoinAsync(Request(id, 7)))));

        Assert.Single(sweeps, s => s.Created);
        Assert.All(sweeps, s => Assert.Equal(7, s.Trials));
        Assert.Equal(7, (await stores[0].TrialQueue.ListAsync(id)).Count);
        foreach (var store in stores)
            await store.DisposeAsync();
    }

    [StoreFact]
    public async Task Claim_EightConcurrentClaimers_EveryTrialClaimedExactlyOnce()
    {
        var id = $"claim-{Guid.NewGuid():N}";
        await using var setup = OpenStore(Clock);
        await setup.TrialQueue.CreateOrJoinAsync(Request(id, 120));
        var claims = new ConcurrentBag<(int Trial, string Worker)>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            await using var store = OpenStore(Clock);
            var worker = $"worker-{w}";
            while (await store.TrialQueue.ClaimAsync(id, worker) is { } trial)
            {
                claims.Add((trial.Number, worker));
                Assert.True(await store.TrialQueue.FinishAsync(id, trial.Number, worker, TrialState.Complete, null));
            }
        })));

        Assert.Equal(Enumerable.Range(0, 120), claims.Select(c => c.Trial).Order());
        var trials = await setup.TrialQueue.ListAsync(id);
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
        Assert.All(trials, t => Assert.Equal(claims.Single(c => c.Trial == t.Number).Worker, t.WorkerId));
    }

    [StoreFact]
    public async Task Reap_WorkerStoppedHeartbeating_RequeuedUpToMaxRetriesThenFailed()
    {
        await using var sweep = await CreateQueueAsync("reap", id => Request(id, 1, maxRetries: 1));
        var (queue, id) = (sweep.Queue, sweep.Id);
        var first = await queue.ClaimAsync(id, "dead-1");
        Assert.True(await queue.AttachAsync(id, first!.Number, "dead-1", "a".PadLeft(32, 'a'), null));

        Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Empty(await queue.ReapAsync(id, TimeSpan.FromSeconds(10)));
        Clock.Advance(TimeSpan.FromSeconds(6));
        var reaped = Assert.Single(await queue.ReapAsync(id, TimeSpan.FromSeconds(10)));
        Assert.Equal(("dead-1", "a".PadLeft(32, 'a'), true, 1), (reaped.WorkerId, reaped.RunId, reaped.Requeued, reaped.Retries));
        Assert.Empty(await queue.ReapAsync(id, TimeSpan.FromSeconds(10)));

        var second = await queue.ClaimAsync(id, "dead-2");
        Assert.Equal((0, 1), (second!.Number, second.Retries));
        Assert.False(await queue.HeartbeatAsync(id, 0, "dead-1"));
        Clock.Advance(TimeSpan.FromSeconds(11));
        var last = Assert.Single(await queue.ReapAsync(id, TimeSpan.FromSeconds(10)));
        Assert.False(last.Requeued);
        Assert.Equal(TrialState.Failed, Assert.Single(await queue.ListAsync(id)).State);
        Assert.Null(await queue.ClaimAsync(id, "late"));
    }

    [StoreFact]
    public async Task Finish_WorkerWhoseTrialWasTakenBack_ChangesNothing()
    {
        await using var sweep = await CreateQueueAsync("lost", id => Request(id, 1));
        var (queue, id) = (sweep.Queue, sweep.Id);
        var retry = await TakeBackAsync(queue, id, from: "slow", to: "fresh");

        Assert.False(await queue.FinishAsync(id, 0, "slow", TrialState.Complete, null));
        Assert.True(await queue.FinishAsync(id, retry!.Number, "fresh", TrialState.Complete, null));
        var trial = Assert.Single(await queue.ListAsync(id));
        Assert.Equal((TrialState.Complete, "fresh", 1), (trial.State, trial.WorkerId, trial.Retries));
    }

    [StoreFact]
    public async Task CreateOrJoin_OtherTrialCount_ThrowsNamingBothCounts()
    {
        var id = $"mismatch-{Guid.NewGuid():N}";
        await using var store = OpenStore(Clock);
        await store.TrialQueue.CreateOrJoinAsync(Request(id, 3));

        var error = await Assert.ThrowsAsync<SweepQueueMismatchException>(() => store.TrialQueue.CreateOrJoinAsync(Request(id, 4)));
        Assert.Contains("3 trials", error.Message);
        Assert.Contains("declares 4", error.Message);
    }

    [StoreFact]
    public async Task SetSweepRun_SecondCall_KeepsTheFirstRun()
    {
        var id = $"run-{Guid.NewGuid():N}";
        await using var store = OpenStore(Clock);
        await store.TrialQueue.CreateOrJoinAsync(Request(id, 1));

        Assert.True(await store.TrialQueue.SetSweepRunAsync(id, "first"));
        Assert.False(await store.TrialQueue.SetSweepRunAsync(id, "second"));
        Assert.Equal("first", (await store.TrialQueue.GetSweepAsync(id))!.SweepRunId);
        Assert.Null(await store.TrialQueue.GetSweepAsync("no-such-sweep"));
    }
}
