using Microsoft.Extensions.Options;
using Pipeline.Serving.Hosting;

namespace Pipeline.Serving.Protocol;

/// <summary>
/// Bounds the memory of large requests: at most <see cref="ScoringServerOptions.MaxConcurrentLargeRequests"/> bodies
/// over <see cref="Threshold"/> (or of unknown length) are read, parsed and scored at once; the others wait their turn.
/// When the last large request in flight ends, a compacting collection hands the freed heap back to the system, so a
/// burst of large batches does not leave the server at its peak RSS while idle.
/// </summary>
internal sealed class LargeRequestGate(IOptions<ScoringServerOptions> options) : IDisposable
{
    /// <summary>Bodies above this many bytes are large: about 4,000 rows of 30 numeric features.</summary>
    public const long Threshold = 1024 * 1024;

    private readonly int _slots = options.Value.MaxConcurrentLargeRequests;
    private readonly SemaphoreSlim _semaphore = new(options.Value.MaxConcurrentLargeRequests, options.Value.MaxConcurrentLargeRequests);

    /// <summary>Whether a request with this <c>Content-Length</c> goes through the gate.</summary>
    public static bool IsLarge(long? contentLength) => contentLength is null || contentLength > Threshold;

    /// <summary>Waits for a slot; dispose the result to free it.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _semaphore.WaitAsync(ct).ConfigureAwait(false);
        return new Slot(this);
    }

    public void Dispose() => _semaphore.Dispose();

    private void Leave()
    {
        var free = _semaphore.Release() + 1;
        if (free == _slots)
        {
            // Nothing large is in flight: give the large object heap's freed segments back (tens of ms, after a request
            // that took far longer). Without it the server GC keeps the peak committed for the next burst.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    private sealed class Slot(LargeRequestGate gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                gate.Leave();
        }
    }
}
