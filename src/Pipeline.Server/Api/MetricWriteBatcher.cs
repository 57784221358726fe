using System.Threading.Channels;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Server.Api;

/// <summary>
/// Group commit for <c>runs/log-metric</c>: concurrent single-metric requests are queued and written by one loop, those
/// of the same run together in one <see cref="ITrackingStore.LogBatchAsync"/> (at most 1000, MLflow's batch limit).
/// Each request still completes only once its metric is committed, with its own outcome: when a combined batch fails,
/// its metrics are written again one by one so a bad metric fails only its own request. Without this, concurrent
/// writers contend for SQLite's single write lock and back off in its busy handler.
/// </summary>
internal sealed class MetricWriteBatcher : IAsyncDisposable
{
    private const int MaxBatch = 1000;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ITrackingStore _store;
    private readonly Task _loop;

    public MetricWriteBatcher(ITrackingStore store)
    {
        _store = store;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Completes when the metric is committed; faults with the store's error for this metric.</summary>
    public Task LogAsync(string runId, Metric metric)
    {
        var pending = new Pending(runId, metric, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        return _queue.Writer.TryWrite(pending)
            ? pending.Done.Task
            : _store.LogMetricAsync(runId, metric);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task LoopAsync()
    {
        var batch = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
                batch.Add(pending);
            foreach (var run in batch.GroupBy(p => p.RunId, StringComparer.Ordinal))
                await WriteAsync(run.Key, run.ToList()).ConfigureAwait(false);
        }
    }

    private async Task WriteAsync(string runId, IReadOnlyList<Pending> items)
    {
        if (items.Count > 1)
        {
            try
            {
                await _store.LogBatchAsync(runId, items.Select(i => i.Metric).ToList(), [], []).ConfigureAwait(false);
                foreach (var item in items)
                    item.Done.TrySetResult();
                return;
            }
            catch (Exception)
            {
                // Fall through: one by one, so each request gets the outcome of its own metric.
            }
        }

        foreach (var item in items)
        {
            try
            {
                await _store.LogMetricAsync(runId, item.Metric).ConfigureAwait(false);
                item.Done.TrySetResult();
            }
            catch (Exception e)
            {
                item.Done.TrySetException(e);
            }
        }
    }

    private sealed record Pending(string RunId, Metric Metric, TaskCompletionSource Done);
}
