using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Metadata;
using Pipeline.Tracking.Runs;
using Pipeline.Tracking.Runs.Liveness;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Tests.Fakes;

namespace Pipeline.Tracking.Tests.Runs.Liveness;

public sealed class RunHeartbeatTests : IAsyncLifetime
{
    private static readonly LivenessOptions Options = new() { Interval = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(60) };
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
    private SqliteTrackingStore _store = null!;
    private string _experimentId = "";

    public async Task InitializeAsync()
    {
        _store = new SqliteTrackingStore(_folder.Combine("mlruns.db"), new Uri(_folder.Combine("mlartifacts")).AbsoluteUri, _clock);
        _experimentId = await _store.CreateExperimentAsync("exp");
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _folder.Dispose();
    }

    private TrackingClient Client(RunHeartbeat heartbeat) =>
        new(_store, uri => new LocalArtifactRepository(uri), _clock, new TrackingClientOptions
        {
            Environment = new DictionaryEnvironmentVariables(new Dictionary<string, string> { ["USER"] = "alice" }),
            RepositoryPath = _folder.Path,
            LogEnvironmentArtifact = false,
            Heartbeat = heartbeat,
        });

    private async Task<long> HeartbeatOfAsync(string runId) =>
        long.Parse((await _store.GetRunAsync(runId)).Data.Tag(LivenessTags.Heartbeat)!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task StartedRun_CarriesOwnerAndHeartbeat_RenewedByTheTimerUntilItEnds()
    {
        // Given a client with a heartbeat of this process
        await using var heartbeat = new RunHeartbeat(_store, _clock, Options);
        var run = await Client(heartbeat).StartRunAsync(_experimentId, "r");
        var started = _clock.GetUtcNow().ToUnixTimeMilliseconds();

        // Then the run names this process as owner and starts with a heartbeat
        Assert.Equal(RunOwner.Current().ToString(), (await _store.GetRunAsync(run.RunId)).Data.Tag(LivenessTags.Owner));
        Assert.Equal(started, await HeartbeatOfAsync(run.RunId));

        // When one interval passes, Then the timer renews it
        _clock.Advance(Options.Interval);
        var renewed = started + (long)Options.Interval.TotalMilliseconds;
        for (var i = 0; i < 100 && await HeartbeatOfAsync(run.RunId) != renewed; i++)
            await Task.Delay(20);
        Assert.Equal(renewed, await HeartbeatOfAsync(run.RunId));

        // When the run ends, Then it is no longer renewed
        await run.EndAsync();
        Assert.Empty(heartbeat.TrackedRuns);
        _clock.Advance(Options.Interval);
        await heartbeat.BeatAsync();
        Assert.Equal(renewed, await HeartbeatOfAsync(run.RunId));
    }

    [Fact]
    public async Task Reaper_DeadOwner_EndsRunFailedWithReasonAtItsLastHeartbeat_KeepingItsMetrics()
    {
        // Given a run whose owner (another machine) stopped beating, with partial metrics, and a live run beside it
        var dead = await _store.CreateRunAsync(_experimentId, "u", _clock.GetUtcNow().ToUnixTimeMilliseconds(),
            [new RunTag(LivenessTags.Owner, "elsewhere/7/1"), new RunTag(LivenessTags.Heartbeat, _clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture))], "dead");
        await _store.LogBatchAsync(dead.Info.RunId, [new Metric("loss", 0.5, 1, 0), new Metric("loss", 0.4, 2, 1)], [], []);
        var lastBeat = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        _clock.Advance(TimeSpan.FromMinutes(2));
        await using var heartbeat = new RunHeartbeat(_store, _clock, Options);
        var alive = await Client(heartbeat).StartRunAsync(_experimentId, "alive");
        var reaper = new DeadRunReaper(_store, new RunLiveness(Environment.MachineName, new SystemProcessTable(), Options.Timeout), _clock);

        // When a dry run looks, Then it lists the dead run only and changes nothing
        var listed = await reaper.ReapAsync([_experimentId], dryRun: true);
        Assert.Equal(dead.Info.RunId, Assert.Single(listed).Run.Info.RunId);
        Assert.False(listed[0].Ended);
        Assert.Equal(RunStatus.Running, (await _store.GetRunAsync(dead.Info.RunId)).Info.Status);

        // When it reaps, Then the dead run is FAILED with the reason and ended at its last heartbeat, its metrics kept
        var reaped = await reaper.ReapAsync([_experimentId]);
        Assert.True(Assert.Single(reaped).Ended);
        var after = await _store.GetRunAsync(dead.Info.RunId);
        Assert.Equal(RunStatus.Failed, after.Info.Status);
        Assert.Equal(lastBeat, after.Info.EndTime);
        Assert.StartsWith("no heartbeat from owner elsewhere/7/1 for 120 s", after.Data.Tag(LivenessTags.FailureReason), StringComparison.Ordinal);
        Assert.Equal(2, (await _store.GetMetricHistoryAsync(dead.Info.RunId, "loss")).Count);
        Assert.Equal(RunStatus.Running, (await _store.GetRunAsync(alive.RunId)).Info.Status);
        await alive.EndAsync();
    }

    [Fact]
    public async Task CreateRunWithId_SameIdTwice_SecondIsResourceAlreadyExists()
    {
        const string Id = "00112233445566778899aabbccddeeff";
        var first = await _store.CreateRunWithIdAsync(Id, _experimentId, "u", 1, [], "one");
        Assert.Equal(Id, first.Info.RunId);
        var error = await Assert.ThrowsAsync<TrackingException>(() => _store.CreateRunWithIdAsync(Id, _experimentId, "u", 2, [], "two"));
        Assert.Equal(ErrorCode.ResourceAlreadyExists, error.Code);
        Assert.Equal("one", (await _store.GetRunAsync(Id)).Info.RunName);
    }
}
