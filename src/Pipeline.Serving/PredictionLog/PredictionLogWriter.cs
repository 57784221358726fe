using System.Buffers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Serving.Metrics;

namespace Pipeline.Serving.PredictionLog;

/// <summary>
/// The background writer: drains the queue in batches, turns them into JSON lines and hands them to the sink. A failing sink
/// is retried with back-off (1 s doubling to 30 s) while the queue fills and then drops; drops and failures are warned about at
/// most every 30 s. On stop (Ctrl+C, SIGTERM; after Kestrel has answered its last request) it writes out everything queued and
/// closes the sink, within the host's shutdown timeout; what it cannot write by then is counted as dropped and reported.
/// </summary>
internal sealed partial class PredictionLogWriter(
    PredictionLogQueue queue,
    IPredictionSink sink,
    PredictionLineWriter lines,
    ScoringMetrics metrics,
    TimeProvider time,
    ILogger<PredictionLogWriter> logger,
    string target) : IHostedService, IAsyncDisposable
{
    private const int BatchRequests = 512;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan WarnEvery = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource _abort = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private Task? _loop;
    private long _writtenRows;
    private long _droppedWarned;
    private DateTimeOffset _lastSinkWarning = DateTimeOffset.MinValue;
    private DateTimeOffset _lastDropWarning = DateTimeOffset.MinValue;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogStarted(logger, target);
        _loop = Task.Run(() => RunAsync(_abort.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop is null)
            return;
        using (cancellationToken.Register(_abort.Cancel))
            await _loop.ConfigureAwait(false);
        try
        {
            using var closing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await sink.CloseAsync(time.GetUtcNow(), closing.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogCloseFailed(logger, ex, target);
        }

        WarnAboutDrops(force: true);
        LogStopped(logger, _writtenRows, queue.DroppedRows);
    }

    public async ValueTask DisposeAsync()
    {
        _abort.Dispose();
        _stopping.Dispose();
        await sink.DisposeAsync().ConfigureAwait(false);
    }

    private async Task RunAsync(CancellationToken abort)
    {
        var reader = queue.Reader;
        var backoff = TimeSpan.FromSeconds(1);
        while (true)
        {
            var stats = default(PredictionBatchStats);
            var drained = 0;
            try
            {
                // Everything queued, in chunks; then a pause, so the writer wakes ten times a second under load instead of once
                // per request (waking per request cost the request path a third of its throughput on two cores).
                do
                {
                    stats = default;
                    _buffer.ResetWrittenCount();
                    while (stats.Requests < BatchRequests && reader.TryRead(out var request))
                    {
                        lines.Write(request, _buffer);
                        queue.Release(request);
                        stats += new PredictionBatchStats(request.Rows, 1, request.Status >= 400 ? 1 : 0, request.LatencyMs);
                    }

                    queue.Dequeued(stats.Rows);
                    drained += stats.Requests;
                    if (stats.Rows > 0)
                        await WriteWithRetryAsync(stats, abort, backoff).ConfigureAwait(false);
                }
                while (stats.Requests == BatchRequests);

                stats = default;
                if (reader.Completion.IsCompleted)
                    return;
                if (drained == 0)
                    await sink.TickAsync(time.GetUtcNow(), abort).ConfigureAwait(false);
                WarnAboutDrops(force: false);
                await PauseAsync(abort).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
                // The shutdown timeout ran out: what is still in hand or queued is lost.
                var lost = stats.Rows;
                while (reader.TryRead(out var request))
                {
                    queue.Dequeued(request.Rows);
                    queue.Release(request);
                    lost += request.Rows;
                }

                queue.Drop(lost);
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A tick that failed (a period the store did not take); retried on the next tick.
                metrics.RecordPredictionLogSinkError();
                WarnSinkFailed(ex);
                await Task.Delay(backoff, time, abort).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Waits <see cref="Pause"/>, or not at all once the server is stopping (then it drains until the queue is done).</summary>
    private async Task PauseAsync(CancellationToken abort)
    {
        if (_stopping.IsCancellationRequested)
        {
            await queue.Reader.WaitToReadAsync(abort).ConfigureAwait(false);
            return;
        }

        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(abort, _stopping.Token);
            await Task.Delay(Pause, time, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!abort.IsCancellationRequested)
        {
            // Stopping: drain now.
        }
    }

    private async Task WriteWithRetryAsync(PredictionBatchStats stats, CancellationToken abort, TimeSpan backoff)
    {
        while (true)
        {
            try
            {
                await sink.WriteAsync(_buffer.WrittenMemory, stats, time.GetUtcNow(), abort).ConfigureAwait(false);
                metrics.RecordPredictionLogWritten(stats.Rows);
                _writtenRows += stats.Rows;
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException && !(ex is OperationCanceledException && abort.IsCancellationRequested))
            {
                metrics.RecordPredictionLogSinkError();
                WarnSinkFailed(ex);
                WarnAboutDrops(force: false);
                await Task.Delay(backoff, time, abort).ConfigureAwait(false);
                backoff = backoff * 2 > MaxBackoff ? MaxBackoff : backoff * 2;
            }
        }
    }

    private void WarnSinkFailed(Exception ex)
    {
        var now = time.GetUtcNow();
        if (now - _lastSinkWarning < WarnEvery)
            return;
        _lastSinkWarning = now;
        LogSinkFailed(logger, target, ex.Message, queue.QueuedRows);
    }

    private void WarnAboutDrops(bool force)
    {
        var dropped = queue.DroppedRows;
        if (dropped == _droppedWarned || (!force && time.GetUtcNow() - _lastDropWarning < WarnEvery))
            return;
        _lastDropWarning = time.GetUtcNow();
        LogDropped(logger, dropped - _droppedWarned, dropped);
        _droppedWarned = dropped;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Logging predictions to {Target}")]
    private static partial void LogStarted(ILogger logger, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The prediction log cannot write to {Target}: {Reason}; retrying, serving goes on ({QueuedRows} rows queued)")]
    private static partial void LogSinkFailed(ILogger logger, string target, string reason, long queuedRows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The prediction log dropped {NewlyDropped} rows (queue full or stopped; {TotalDropped} in all since start)")]
    private static partial void LogDropped(ILogger logger, long newlyDropped, long totalDropped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The prediction log could not close {Target}")]
    private static partial void LogCloseFailed(ILogger logger, Exception exception, string target);

    [LoggerMessage(Level = LogLevel.Information, Message = "Prediction log closed: {WrittenRows} rows written, {DroppedRows} dropped")]
    private static partial void LogStopped(ILogger logger, long writtenRows, long droppedRows);
}
