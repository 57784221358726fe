using Microsoft.Extensions.Time.Testing;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Runs.Liveness;

namespace Pipeline.Tracking.Tests.Runs.Liveness;

public sealed class RunLivenessTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly FakeProcessTable _processes = new();

    private RunLiveness Liveness => new("build-1", _processes, Timeout);

    private static Run RunningRun(string? owner, DateTimeOffset? heartbeat, RunStatus status = RunStatus.Running)
    {
        var tags = new List<RunTag>();
        if (owner is not null)
            tags.Add(new RunTag(LivenessTags.Owner, owner));
        if (heartbeat is { } beat)
            tags.Add(new RunTag(LivenessTags.Heartbeat, beat.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new Run(new RunInfo("0123456789abcdef0123456789abcdef", "1", "r", "u", status, Start.ToUnixTimeMilliseconds(), null, "file:///x", LifecycleStage.Active),
            new RunData([], [], tags), []);
    }

    [Fact]
    public void DeathReason_OwnerProcessGoneOnThisHost_IsDeadAtOnceWhateverTheHeartbeat()
    {
        // Given a run owned by process 42 of this host, heartbeat just now, and no such process
        var run = RunningRun("build-1/42/1000", Start);

        // When judged at once, Then it is dead, saying the owner is gone
        Assert.Contains("owner process 42 on build-1 is gone", Liveness.DeathReason(run, _clock.GetUtcNow()), StringComparison.Ordinal);
    }

    [Fact]
    public void DeathReason_OwnerRunningOnThisHostWithFreshHeartbeat_IsAlive()
    {
        _processes.Running.Add((42, 1000));
        Assert.Null(Liveness.DeathReason(RunningRun("build-1/42/1000", Start), _clock.GetUtcNow()));
    }

    [Fact]
    public void DeathReason_PidReusedByAnotherProcess_IsDead()
    {
        // Given pid 42 running now, but started at another time than the owner
        _processes.Running.Add((42, 999_000));
        Assert.NotNull(Liveness.DeathReason(RunningRun("build-1/42/1000", Start), _clock.GetUtcNow()));
    }

    [Fact]
    public void DeathReason_OtherHost_DeadOnlyOnceTheHeartbeatIsOlderThanTheTimeout()
    {
        // Given a run owned on another machine (its process cannot be checked from here)
        var run = RunningRun("build-2/42/1000", Start);

        // When the heartbeat is exactly the timeout old, Then it is alive
        _clock.Advance(Timeout);
        Assert.Null(Liveness.DeathReason(run, _clock.GetUtcNow()));

        // When one more second passes, Then it is dead, naming the age and the timeout
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Contains("no heartbeat from owner build-2/42/1000 for 301 s (timeout 300 s", Liveness.DeathReason(run, _clock.GetUtcNow()), StringComparison.Ordinal);
    }

    [Fact]
    public void DeathReason_NoHeartbeatTag_CountsFromTheRunsStart()
    {
        var run = RunningRun("build-2/42/1000", heartbeat: null);
        _clock.Advance(Timeout + TimeSpan.FromSeconds(1));
        Assert.NotNull(Liveness.DeathReason(run, _clock.GetUtcNow()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-an-owner")]
    public void DeathReason_RunWithoutOwnerTag_IsNeverJudged(string? owner)
    {
        // Runs opened by other clients (MLflow's) carry no owner: however old, they are not ours to end.
        _clock.Advance(TimeSpan.FromDays(3));
        Assert.Null(Liveness.DeathReason(RunningRun(owner, Start), _clock.GetUtcNow()));
    }

    [Fact]
    public void DeathReason_EndedRun_IsNeverJudged()
    {
        _clock.Advance(TimeSpan.FromDays(3));
        Assert.Null(Liveness.DeathReason(RunningRun("build-1/42/1000", Start, RunStatus.Finished), _clock.GetUtcNow()));
    }

    [Theory]
    [InlineData("host/7/123", "host", 7, 123)]
    [InlineData("odd/host/name/7/123", "odd/host/name", 7, 123)]
    public void RunOwner_TryParse_ReadsWhatToStringWrites(string text, string host, int pid, long start)
    {
        var owner = RunOwner.TryParse(text);
        Assert.Equal(new RunOwner(host, pid, start), owner);
        Assert.Equal(text, owner!.ToString());
    }

    [Fact]
    public void RunOwner_Current_IsRunningInTheSystemProcessTable()
    {
        var self = RunOwner.Current();
        Assert.True(new SystemProcessTable().IsRunning(self.ProcessId, self.ProcessStartUnixMs));
        Assert.False(new SystemProcessTable().IsRunning(self.ProcessId, self.ProcessStartUnixMs - 60_000));
    }
}
