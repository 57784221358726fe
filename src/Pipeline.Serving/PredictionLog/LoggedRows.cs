using System.Buffers;
using Pipeline.Serving.Batch;
using Pipeline.Serving.Schema;

namespace Pipeline.Serving.PredictionLog;

/// <summary>
/// A request's input rows as they wait for the log: every cell copied into one pooled array of 64-bit slots (a double or
/// float by its double's bits, null as NaN; longs, integers and booleans as longs), row by row. Holding the request's
/// <see cref="ScoringBatch"/> instead (a column object and an array per feature: about 4.5 KB for 30 features) kept it alive
/// through the collections of the up to 100 ms it waits, and promoting it was most of what logging cost the request path.
/// Rows with a string column, or a null in a column that is not real-valued, keep the batch: nothing else can hold them.
/// </summary>
internal readonly struct LoggedRows
{
    /// <summary>Requests of up to this many cells (8 rows of 30 features) take their slots from the pool.</summary>
    public const int PooledCells = 256;

    private LoggedRows(ScoringSchema schema, int rowCount, int[]? present, long[]? cells, int columnCount, ScoringBatch? batch)
    {
        Schema = schema;
        RowCount = rowCount;
        Present = present;
        Cells = cells;
        ColumnCount = columnCount;
        Batch = batch;
    }

    /// <summary>The signature the rows were enforced against; null when there are no rows (a refused request).</summary>
    public ScoringSchema? Schema { get; }

    /// <summary>Rows.</summary>
    public int RowCount { get; }

    /// <summary>Columns per row.</summary>
    public int ColumnCount { get; }

    /// <summary>The schema index of each present column, in order; null when every schema column is present.</summary>
    public int[]? Present { get; }

    /// <summary><see cref="RowCount"/> x <see cref="ColumnCount"/> slots, row by row; null when <see cref="Batch"/> holds the rows.</summary>
    public long[]? Cells { get; }

    /// <summary>The request's own batch, for rows the slots cannot hold (strings, nulls in a non-real column).</summary>
    public ScoringBatch? Batch { get; }

    /// <summary>Copies the batch's cells into slots from <paramref name="pool"/> (see the class remarks for when it keeps the batch).</summary>
    public static LoggedRows Capture(ScoringBatch batch, ArrayPool<long> pool)
    {
        var columns = batch.Columns;
        var count = columns.Count;
        for (var c = 0; c < count; c++)
        {
            var column = columns[c];
            if (column.Type == ScoringType.String || (column.HasNulls && column.Type is not (ScoringType.Double or ScoringType.Float)))
                return new LoggedRows(batch.Schema, batch.RowCount, null, null, count, batch);
        }

        var rows = batch.RowCount;
        var cells = rows * count == 0 ? [] : rows * count <= PooledCells ? pool.Rent(rows * count) : new long[rows * count];
        for (var c = 0; c < count; c++)
            Copy(columns[c], cells, c, count);
        return new LoggedRows(batch.Schema, rows, count == batch.Schema.Columns.Count ? null : PresentIndices(batch), cells, count, null);
    }

    /// <summary>Gives the slots back to <paramref name="pool"/> once the rows are written (or dropped).</summary>
    public void Return(ArrayPool<long> pool)
    {
        if (Cells is { Length: > 0 and <= PooledCells } cells)
            pool.Return(cells);
    }

    private static void Copy(ScoringColumn column, long[] cells, int c, int stride)
    {
        var rows = column.Length;
        switch (column.Type)
        {
            case ScoringType.Double:
                var doubles = column.Doubles;
                for (var r = 0; r < rows; r++)
                    cells[(r * stride) + c] = BitConverter.DoubleToInt64Bits(column.IsNull(r) ? double.NaN : doubles[r]);
                break;
            case ScoringType.Float:
                var floats = column.Floats;
                for (var r = 0; r < rows; r++)
                    cells[(r * stride) + c] = BitConverter.DoubleToInt64Bits(column.IsNull(r) ? double.NaN : floats[r]);
                break;
            case ScoringType.Long:
                var longs = column.Longs;
                for (var r = 0; r < rows; r++)
                    cells[(r * stride) + c] = longs[r];
                break;
            case ScoringType.Integer:
                var integers = column.Integers;
                for (var r = 0; r < rows; r++)
                    cells[(r * stride) + c] = integers[r];
                break;
            default:
                var booleans = column.Booleans;
                for (var r = 0; r < rows; r++)
                    cells[(r * stride) + c] = booleans[r] ? 1 : 0;
                break;
        }
    }

    private static int[] PresentIndices(ScoringBatch batch)
    {
        var present = new int[batch.Columns.Count];
        for (var c = 0; c < present.Length; c++)
            present[c] = batch.Schema.IndexOf(batch.Columns[c].Name);
        return present;
    }
}
