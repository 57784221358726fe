using Pipeline.Serving.Batch;
using Pipeline.Serving.Metrics;
using Pipeline.Serving.PredictionLog;
using Pipeline.Serving.Schema;
using Pipeline.Serving.Tests.TestModels;

namespace Pipeline.Serving.Tests.PredictionLog;

/// <summary>What the request path puts on the queue, and what it drops.</summary>
public sealed class PredictionLogQueueTests
{
    private static readonly ScoringSchema Schema = SumThresholdTestModel.DefaultSchema;

    private static ScoringBatch Rows(int count) => new(Schema, count,
    [
        new ScoringColumn(Schema.Columns[0], Enumerable.Range(0, count).Select(i => i + 0.5).ToArray()),
        new ScoringColumn(Schema.Columns[1], Enumerable.Range(0, count).Select(i => (long)i).ToArray()),
    ]);

    private static LoggedRequest Answered(int rows) =>
        new("r", DateTimeOffset.UnixEpoch, "3", null, default, Enumerable.Repeat<object?>(true, rows).ToArray(), false, 1, 200, null);

    [Fact]
    public void TryEnqueue_Room_QueuesTheCellsCopiedNotTheBatch()
    {
        var queue = new PredictionLogQueue(new PredictionLogOptions { QueueRows = 10 }, new ScoringMetrics());

        queue.TryEnqueue(Answered(2), Rows(2));

        Assert.True(queue.Reader.TryRead(out var queued));
        Assert.Null(queued.Inputs.Batch);
        Assert.Equal([0.5, 0, 1.5, 1], queued.Inputs.Cells!.Take(4).Select((c, i) => i % 2 == 0 ? BitConverter.Int64BitsToDouble(c) : c));
        Assert.Equal(2, queue.QueuedRows);
    }

    [Fact]
    public void TryEnqueue_MoreRowsThanTheBound_DroppedAndCountedWithoutQueueing()
    {
        var queue = new PredictionLogQueue(new PredictionLogOptions { QueueRows = 2 }, new ScoringMetrics());

        queue.TryEnqueue(Answered(3), Rows(3));

        Assert.False(queue.Reader.TryRead(out _));
        Assert.Equal(3, queue.DroppedRows);
        Assert.Equal(0, queue.QueuedRows);
    }

    [Fact]
    public void TryEnqueue_Refused_OneRowWithoutInputs()
    {
        var queue = new PredictionLogQueue(new PredictionLogOptions { QueueRows = 1 }, new ScoringMetrics());

        queue.TryEnqueue(new LoggedRequest("r", DateTimeOffset.UnixEpoch, "3", null, default, null, false, 1, 400, "BAD_REQUEST"), null);

        Assert.True(queue.Reader.TryRead(out var queued));
        Assert.Null(queued.Inputs.Schema);
        Assert.Equal(1, queued.Rows);
    }
}
