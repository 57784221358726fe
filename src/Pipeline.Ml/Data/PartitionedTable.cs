namespace Pipeline.Ml.Data;

/// <summary>
/// A table loaded by <see cref="CsvDataLoader.LoadPartitioned"/>: the rows without the partition column, and for each
/// row (in file order) the index of its partition among the names asked for.
/// </summary>
public sealed record PartitionedTable(DataTable Table, IReadOnlyList<int> Partitions)
{
    /// <summary>The indices of the rows in <paramref name="partition"/>, ascending.</summary>
    public IReadOnlyList<int> RowsOf(int partition) =>
        Enumerable.Range(0, Partitions.Count).Where(r => Partitions[r] == partition).ToArray();
}
