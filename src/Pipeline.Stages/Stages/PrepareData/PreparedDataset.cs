using Pipeline.Ml.Data;
using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Stages.PrepareData;

/// <summary>
/// The data section loaded and split, the way PrepareData records it: the whole table (for a test file, the training
/// rows then the test rows), the split, and the whole table's digest. The split is drawn (<c>test_fraction</c>, seeded,
/// stratified for classification) or pinned by the data (<c>test_path</c> or <c>split_column</c>). The same files and
/// spec always give the same tables and digests, which is what <c>pipeline reproduce</c> checks a dataset by.
/// </summary>
public sealed record PreparedDataset(DataTable All, DataSplit Split, string Digest, string SplitDescription)
{
    /// <summary>The values of a <c>split_column</c>, in partition order.</summary>
    public static IReadOnlyList<string> SplitValues { get; } = ["train", "test"];

    /// <summary>The digest of the training split.</summary>
    public string TrainDigest => DatasetDigest.Compute(Split.Train);

    /// <summary>The digest of the test split.</summary>
    public string TestDigest => DatasetDigest.Compute(Split.Test);

    /// <summary>Loads and splits the data section's file(s).</summary>
    /// <exception cref="DataFormatException">A file is not valid data for the task, or a split is empty.</exception>
    public static PreparedDataset Load(DataSpec data)
    {
        var options = new CsvLoadOptions { LabelColumn = data.Label, Task = data.Task };
        if (data.TestPath is { } testPath)
            return FromTestFile(data, options, testPath);
        if (data.SplitColumn is { } column)
            return FromSplitColumn(data, options, column);

        var table = new CsvDataLoader(options).Load(data.Path);
        var split = DataSplitter.TrainTestSplit(table, data.TestFraction, data.Seed, data.Stratify);
        return new PreparedDataset(table, split, DatasetDigest.Compute(table),
            $"test fraction {data.TestFraction}, seed {data.Seed}{(data.Stratify ? ", stratified" : "")}");
    }

    private static PreparedDataset FromSplitColumn(DataSpec data, CsvLoadOptions options, string column)
    {
        var loaded = new CsvDataLoader(options).LoadPartitioned(data.Path, column, SplitValues);
        var train = loaded.RowsOf(0);
        var test = loaded.RowsOf(1);
        RequireRows(train.Count, test.Count, $"{data.Path}, column '{column}'");
        var table = loaded.Table;
        return new PreparedDataset(table, new DataSplit(table.Subset(train), table.Subset(test), train, test),
            DatasetDigest.Compute(table), $"pinned by column '{column}'");
    }

    private static PreparedDataset FromTestFile(DataSpec data, CsvLoadOptions options, string testPath)
    {
        var train = new CsvDataLoader(options).Load(data.Path);
        // The test file is read as plain numbers: a small test file may lack a class, which is no error in itself.
        var test = new CsvDataLoader(options with { Task = TaskKind.Regression }).Load(testPath);
        var columns = train.Schema.Columns.Zip(test.Schema.Columns, (a, b) =>
            a.IsInteger && b.IsInteger ? a : a with { Type = DataColumn.DoubleType }).ToArray();
        var schema = new DataSchema(columns, train.LabelName);
        var rows = Enumerable.Range(0, train.RowCount).Select(r => train.Row(r).ToArray())
            .Concat(Enumerable.Range(0, test.RowCount).Select(r => test.Row(r).ToArray())).ToArray();
        var all = new DataTable(schema, train.Task, rows, [.. train.Labels, .. test.Labels]);
        int[] trainRows = [.. Enumerable.Range(0, train.RowCount)];
        int[] testRows = [.. Enumerable.Range(train.RowCount, test.RowCount)];
        return new PreparedDataset(all, new DataSplit(all.Subset(trainRows), all.Subset(testRows), trainRows, testRows),
            DatasetDigest.Compute(all), $"pinned by test file {Path.GetFileName(testPath)}");
    }

    private static void RequireRows(int train, int test, string source)
    {
        if (train == 0 || test == 0)
            throw new DataFormatException(
                $"the pinned split leaves the {(train == 0 ? "training" : "test")} side empty ({train} train / {test} test rows)", source);
    }
}
