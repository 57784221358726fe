using Pipeline.Serving.Batch;

namespace Pipeline.Serving.Tests.TestModels;

/// <summary>
/// TEST ENGINE standing in for ML.NET's PredictionEngine: not thread-safe, and it proves it is never shared by
/// throwing when entered while already in use.
/// </summary>
internal sealed class ExclusiveTestEngine
{
    private readonly Stats _stats;
    private int _inUse;

    public ExclusiveTestEngine(Stats stats)
    {
        _stats = stats;
        Interlocked.Increment(ref stats.Created);
    }

    public IReadOnlyList<object?> Score(ScoringBatch batch, double threshold, bool proba)
    {
        if (Interlocked.Exchange(ref _inUse, 1) != 0)
        {
            Interlocked.Increment(ref _stats.SharedUses);
            throw new InvalidOperationException("engine used by two requests at once");
        }

        try
        {
            Thread.SpinWait(200); // widen the window in which sharing would be caught
            var predictions = new object?[batch.RowCount];
            for (var row = 0; row < batch.RowCount; row++)
            {
                var sum = 0d;
                foreach (var column in batch.Columns)
                {
                    sum += column.GetValue(row) switch
                    {
                        double d => d,
                        float f => f,
                        long l => l,
                        int i => i,
                        bool b => b ? 1 : 0,
                        _ => 0,
                    };
                }

                var p = SumThresholdTestModel.Logistic(sum - threshold);
                predictions[row] = proba ? new[] { 1 - p, p } : sum > threshold;
            }

            return predictions;
        }
        finally
        {
            Volatile.Write(ref _inUse, 0);
        }
    }

    /// <summary>Counters shared by all engines of one model.</summary>
    internal sealed class Stats
    {
        public int Created;
        public int SharedUses;
    }
}
