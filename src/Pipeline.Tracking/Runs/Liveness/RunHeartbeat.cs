using System.Collections.Concurrent;
using System.Globalization;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Tracking.Runs.Liveness;

/// <summary>
/// Keeps the runs this process owns alive in the store: a background timer (from the injected <see cref="TimeProvider"/>)
/// renews <see cref="LivenessTags.Heartbeat"/> of every tracked run each <see cref="LivenessOptions.Interval"/>. Pass it to
/// <see cref="TrackingClientOptions.Heartbeat"/> and every run the client starts is tagged and tracked until it ends.
/// A failed renewal is retried on the next beat (the store may be briefly unreachable); it never stops the work.
/// </summary>
public sealed class RunHeartbeat : IAsyncDisposable
{
    private readonly ITrackingStore _store;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, byte> _runs = new(StringComparer.Ordinal);
    private readonly ITimer _timer;
    private readonly SemaphoreSlim _beating = new(1, 1);

    /// <summary>Starts the timer; it beats only while runs are tracked.</summary>
    public RunHeartbeat(ITrackingStore store, TimeProvider time, LivenessOptions options, RunOwner? owner = null)
    {
        _store = store;
        _time = time;
        Options = options;
        Owner = owner ?? RunOwner.Current();
        _timer = time.CreateTimer(_ => _ = BeatAsync(), null, options.Interval, options.Interval);
    }

    /// <summary>The process recorded as owner.</summary>
    public RunOwner Owner { get; }

    /// <summary>The interval and timeout in use.</summary>
    public LivenessOptions Options { get; }

    /// <summary>The run ids currently kept alive.</summary>
    public IReadOnlyCollection<string> TrackedRuns => [.. _runs.Keys];

    /// <summary>The tags a new run starts with: its owner and a first heartbeat (now).</summary>
    public IReadOnlyDictionary<string, string> InitialTags() => new Dictionary<string, string>
    {
        [LivenessTags.Owner] = Owner.ToString(),
        [LivenessTags.Heartbeat] = Now(),
    };

    /// <summary>Renews <paramref name="runId"/>'s heartbeat until the returned registration is disposed.</summary>
    public IDisposable Track(string runId)
    {
        _runs[runId] = 0;
        return new Registration(this, runId);
    }

    /// <summary>Renews every tracked run's heartbeat now (what the timer calls each interval).</summary>
    public async Task BeatAsync()
    {
        if (!await _beating.WaitAsync(0).ConfigureAwait(false))
            return; // the previous beat is still writing
        try
        {
            var tag = new RunTag(LivenessTags.Heartbeat, Now());
            foreach (var runId in _runs.Keys)
            {
                try
                {
                    await _store.SetTagAsync(runId, tag).ConfigureAwait(false);
                }
                catch (Exception) when (!_runs.ContainsKey(runId))
                {
                    // ended meanwhile
                }
                catch (Exception)
                {
                    // The store may be briefly unavailable; the next beat tries again, and the timeout is many beats long.
                }
            }
        }
        finally
        {
            _beating.Release();
        }
    }

    /// <summary>Stops the timer; tracked runs are no longer renewed.</summary>
    public ValueTask DisposeAsync()
    {
        _runs.Clear();
        return _timer.DisposeAsync();
    }

    private string Now() => _time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private sealed class Registration(RunHeartbeat heartbeat, string runId) : IDisposable
    {
        public void Dispose() => heartbeat._runs.TryRemove(runId, out _);
    }
}
