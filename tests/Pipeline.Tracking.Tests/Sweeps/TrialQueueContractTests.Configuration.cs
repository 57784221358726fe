using Pipeline.Tracking.Sweeps;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Tracking.Tests.Sweeps;

/// <summary>Sampled trials (TPE): the configuration a worker records before creating its run is what every retry claims.</summary>
public abstract partial class TrialQueueContractTests<TStore>
{
    private const string DeadWorker = "dead-host/1/1";

    /// <summary>A queue of trials whose configurations a sampler chooses when they are claimed.</summary>
    private static SweepQueueRequest Sampled(string id, int trials) => new(id, "0", Enumerable.Repeat<string?>(null, trials).ToList(), 1);

    [StoreFact]
    public async Task RecordConfiguration_WorkerDiedBeforeAttachingARun_TheRetryClaimsTheRecordedConfiguration()
    {
        await using var sweep = await CreateQueueAsync("record", id => Sampled(id, 2));
        var (queue, id) = (sweep.Queue, sweep.Id);
        var first = await queue.ClaimAsync(id, DeadWorker);
        Assert.Null(first!.Configuration);

        Assert.True(await queue.RecordConfigurationAsync(id, first.Number, DeadWorker, "trainer(C=0.25)"));
        Clock.Advance(TimeSpan.FromSeconds(11));
        var reaped = Assert.Single(await queue.ReapAsync(id, TimeSpan.FromSeconds(10)));
        var retry = await queue.ClaimAsync(id, "fresh");

        Assert.Equal((0, true, (string?)null), (reaped.Number, reaped.Requeued, reaped.RunId));
        Assert.Equal((0, "trainer(C=0.25)", 1), (retry!.Number, retry.Configuration, retry.Retries));
        Assert.Null((await queue.ListAsync(id))[1].Configuration);
    }

    [StoreFact]
    public async Task RecordConfiguration_WorkerWhoseTrialWasTakenBack_ChangesNothing()
    {
        await using var sweep = await CreateQueueAsync("record-lost", id => Sampled(id, 1));
        var (queue, id) = (sweep.Queue, sweep.Id);
        await TakeBackAsync(queue, id, from: "slow", to: "fresh");

        Assert.False(await queue.RecordConfigurationAsync(id, 0, "slow", "trainer(C=1)"));
        Assert.True(await queue.RecordConfigurationAsync(id, 0, "fresh", "trainer(C=2)"));
        Assert.False(await queue.RecordConfigurationAsync(id, 0, "never-claimed", "trainer(C=3)"));
        Assert.Equal("trainer(C=2)", Assert.Single(await queue.ListAsync(id)).Configuration);
    }

    [StoreFact]
    public async Task Attach_AfterRecordConfiguration_KeepsTheConfigurationWhenGivenNone()
    {
        await using var sweep = await CreateQueueAsync("record-attach", id => Sampled(id, 1));
        var (queue, id) = (sweep.Queue, sweep.Id);
        await queue.ClaimAsync(id, "worker");
        await queue.RecordConfigurationAsync(id, 0, "worker", "trainer(C=0.5)");

        Assert.True(await queue.AttachAsync(id, 0, "worker", "r".PadLeft(32, 'r'), null));

        var trial = Assert.Single(await queue.ListAsync(id));
        Assert.Equal(("trainer(C=0.5)", "r".PadLeft(32, 'r')), (trial.Configuration, trial.RunId));
    }
}
