using System.Collections.Concurrent;
using Pipeline.Cli.Tests.Stores;
using Pipeline.Tracking.Sweeps;

namespace Pipeline.Cli.Tests.Sweeps;

/// <summary>The trial queue through a real <c>pipeline server</c> process (its <c>/api/2.0/pipeline/</c> extension) over SQLite.</summary>
public sealed class TrackingServerTrialQueueTests
{
    [Fact]
    public async Task Claim_SixConcurrentClientsThroughTheServer_EveryTrialClaimedExactlyOnce()
    {
        await using var backend = await CliBackend.StartAsync("http");
        var queue = ((ITrialQueueProvider)backend.Store).TrialQueue;
        var sweeps = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            queue.CreateOrJoinAsync(new SweepQueueRequest("over-http", "0", Enumerable.Range(0, 60).Select(i => (string?)$"t{i}").ToList()))));
        Assert.Single(sweeps, s => s.Created);
        var claims = new ConcurrentBag<int>();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            while (await queue.ClaimAsync("over-http", $"w{w}") is { } trial)
            {
                claims.Add(trial.Number);
                Assert.True(await queue.HeartbeatAsync("over-http", trial.Number, $"w{w}"));
                Assert.True(await queue.FinishAsync("over-http", trial.Number, $"w{w}", TrialState.Complete, null));
            }
        })));

        Assert.Equal(Enumerable.Range(0, 60), claims.Order());
        var counts = await queue.CountAsync("over-http");
        Assert.Equal((0, 0, 60), (counts.Queued, counts.Running, counts.Complete));
        Assert.Empty(await queue.ReapAsync("over-http", TimeSpan.FromSeconds(1)));
        Assert.Null(await queue.GetSweepAsync("no-such-sweep"));
    }
}
