using System.Buffers;
using System.Threading.Channels;
using Pipeline.Serving.Batch;
using Pipeline.Serving.Metrics;

namespace Pipeline.Serving.PredictionLog;

/// <summary>
/// The bounded in-memory queue between the request path and the background writer. <see cref="TryEnqueue"/> never waits:
/// when the queue already holds <see cref="PredictionLogOptions.QueueRows"/> rows (the sink is slow or down) the request's
/// rows are dropped and counted (<c>scoring_prediction_log_dropped_rows_total</c>), and the writer warns about them.
/// </summary>
internal sealed class PredictionLogQueue
{
    private const string SampleSalt = "prediction-log-sample";
    private readonly Channel<LoggedRequest> _channel;
    // Slots of small requests are reused: a queued 1-row request then allocates nothing of its own. Up to 4,096 arrays of each
    // size are kept, more than are in flight at 20,000 requests/s (with 30 features, 4,096 x 32 slots: 1 MB; at most 16 MB
    // if requests of every size from 1 to 256 cells came); beyond that they are left to the collector.
    private readonly ArrayPool<long> _cells = ArrayPool<long>.Create(LoggedRows.PooledCells, 4096);
    private readonly ScoringMetrics _metrics;
    private readonly int _capacityRows;
    private readonly double _sample;
    private long _queuedRows;
    private long _droppedRows;

    public PredictionLogQueue(PredictionLogOptions options, ScoringMetrics metrics)
    {
        _capacityRows = options.QueueRows;
        _sample = options.Sample;
        _metrics = metrics;
        // The gauge is read when /metrics is scraped: nothing on the request path, and never stale while the writer retries.
        metrics.Registry.AddBeforeCollectCallback(() => metrics.SetPredictionLogQueue(QueuedRows));
        // Entries are at least one row each, so the row bound is also the entry bound.
        _channel = Channel.CreateBounded<LoggedRequest>(new BoundedChannelOptions(options.QueueRows)
        {
            FullMode = BoundedChannelFullMode.Wait, // never waited on: TryWrite fails instead
            SingleReader = true,
            SingleWriter = false,
        });
    }

    /// <summary>Rows dropped so far (queue full, or the server stopping).</summary>
    public long DroppedRows => Interlocked.Read(ref _droppedRows);

    /// <summary>Rows waiting for the writer.</summary>
    public long QueuedRows => Interlocked.Read(ref _queuedRows);

    /// <summary>What the writer reads.</summary>
    public ChannelReader<LoggedRequest> Reader => _channel.Reader;

    /// <summary>True when this request id is in the logged sample (sticky: the same id is always in or always out).</summary>
    public bool IsSampled(string requestId) => _sample >= 1 || StickyHash.Unit(SampleSalt, requestId) < _sample;

    /// <summary>
    /// Queues the request with <paramref name="batch"/>'s cells copied into pooled slots (its <see cref="LoggedRequest.Inputs"/>),
    /// or drops and counts its rows when the queue is full; the copy is made only once there is room. Never blocks.
    /// </summary>
    public void TryEnqueue(in LoggedRequest request, ScoringBatch? batch)
    {
        var rows = batch is { RowCount: > 0 } && request.Predictions is not null ? batch.RowCount : 1;
        if (Interlocked.Add(ref _queuedRows, rows) > _capacityRows)
        {
            Interlocked.Add(ref _queuedRows, -rows);
            Drop(rows);
            return;
        }

        var entry = batch is null ? request : request with { Inputs = LoggedRows.Capture(batch, _cells) };
        if (!_channel.Writer.TryWrite(entry))
        {
            Interlocked.Add(ref _queuedRows, -rows);
            Release(entry);
            Drop(rows);
        }
    }

    /// <summary>The request's rows are written (or lost): its slots go back to the pool.</summary>
    public void Release(in LoggedRequest request) => request.Inputs.Return(_cells);

    /// <summary>The writer took requests off the queue.</summary>
    public void Dequeued(int rows) => Interlocked.Add(ref _queuedRows, -rows);

    /// <summary>Counts rows lost: dropped on a full queue, or still queued when a stop ran out of time.</summary>
    public void Drop(int rows)
    {
        Interlocked.Add(ref _droppedRows, rows);
        _metrics.RecordPredictionLogDropped(rows);
    }

    /// <summary>No more requests (the server is stopping).</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
