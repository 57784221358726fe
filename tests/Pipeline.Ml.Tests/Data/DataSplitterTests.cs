using Pipeline.Ml.Data;

namespace Pipeline.Ml.Tests.Data;

public class DataSplitterTests
{
    [Fact]
    public void TrainTestSplit_BreastCancer_KeepsClassProportions()
    {
        var split = DataSplitter.TrainTestSplit(TestData.Load("breast_cancer"), 0.2, seed: 42);

        // 569 rows: ceil(0.2 · 569) = 114 test rows; 212 malignant / 357 benign shared in proportion.
        Assert.Equal(455, split.Train.RowCount);
        Assert.Equal(114, split.Test.RowCount);
        Assert.Equal(42, split.Test.Labels.Count(l => l == 0));
        Assert.Equal(72, split.Test.Labels.Count(l => l == 1));
        Assert.Empty(split.TrainRows.Intersect(split.TestRows));
    }

    [Fact]
    public void TrainTestSplit_SameSeed_SameRows_OtherSeed_OtherRows()
    {
        var table = TestData.Load("wine");

        var first = DataSplitter.TrainTestSplit(table, 0.25, seed: 7);
        var second = DataSplitter.TrainTestSplit(table, 0.25, seed: 7);
        var other = DataSplitter.TrainTestSplit(table, 0.25, seed: 8);

        Assert.Equal(first.TestRows, second.TestRows);
        Assert.NotEqual(first.TestRows, other.TestRows);
    }

    [Fact]
    public void TrainTestSplit_Regression_ShufflesAllRows()
    {
        var split = DataSplitter.TrainTestSplit(TestData.Load("diabetes"), 0.2, seed: 1);

        Assert.Equal(89, split.Test.RowCount);
        Assert.NotEqual(Enumerable.Range(0, 89), split.TestRows);
    }

    [Fact]
    public void TrainTestSplit_NotStratified_ShufflesAllRowsLikeRegression()
    {
        var classes = DataSplitter.TrainTestSplit(TestData.Load("breast_cancer"), 0.2, seed: 3, stratify: false);
        var asRegression = DataSplitter.TrainTestSplit(TestData.Load("breast_cancer", TaskKind.Regression), 0.2, seed: 3);
        var stratified = DataSplitter.TrainTestSplit(TestData.Load("breast_cancer"), 0.2, seed: 3);

        Assert.Equal(114, classes.Test.RowCount);
        Assert.Equal(asRegression.TestRows, classes.TestRows);
        Assert.NotEqual(stratified.TestRows, classes.TestRows);
    }

    [Fact]
    public void TrainTestSplit_NotStratified_CanLeaveARareClassOnOneSide()
    {
        // 8 rows of class 0 and 2 of class 1, 2 test rows: stratified always puts one class-1 row on each side.
        var schema = new DataSchema([new DataColumn("x", DataColumn.LongType), new DataColumn("target", DataColumn.LongType)], "target");
        var table = new DataTable(schema, TaskKind.Binary,
            Enumerable.Range(0, 10).Select(i => new double[] { i }).ToArray(), [0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);

        int RareInTest(int seed, bool stratify) =>
            DataSplitter.TrainTestSplit(table, 0.2, seed, stratify).Test.Labels.Count(l => l == 1);

        Assert.All(Enumerable.Range(0, 30), seed => Assert.Equal(1, RareInTest(seed, stratify: true)));
        Assert.Contains(0, Enumerable.Range(0, 30).Select(seed => RareInTest(seed, stratify: false)));
    }

    [Fact]
    public void TrainTestSplit_FractionOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DataSplitter.TrainTestSplit(TestData.Load("iris"), 1.0));
    }

    [Fact]
    public void KFold_Stratified_EachRowValidatedOnceAndClassesBalanced()
    {
        var table = TestData.Load("breast_cancer");

        var folds = DataSplitter.KFold(table, 5, seed: 42);

        Assert.Equal(Enumerable.Range(0, 569), folds.SelectMany(f => f.ValidationRows).Order());
        foreach (var fold in folds)
        {
            Assert.InRange(fold.ValidationRows.Count, 113, 114);
            Assert.InRange(fold.ValidationRows.Count(r => table.Label(r) == 0), 42, 43);
            Assert.Equal(569, fold.TrainRows.Count + fold.ValidationRows.Count);
        }
    }

    [Fact]
    public void KFold_SameSeed_SameFolds()
    {
        var table = TestData.Load("iris");

        Assert.Equal(
            DataSplitter.KFold(table, 3, 5).Select(f => f.ValidationRows),
            DataSplitter.KFold(table, 3, 5).Select(f => f.ValidationRows));
    }

    [Fact]
    public void SplitWrittenToCsv_ReloadsWithSameRows()
    {
        var split = DataSplitter.TrainTestSplit(TestData.Load("iris"), 0.2);
        var path = Path.Combine(TestData.TempFolder(), "split", "test.csv");

        CsvDataWriter.Write(split.Test, path);
        var reloaded = new CsvDataLoader().Load(path);

        Assert.Equal(split.Test.RowCount, reloaded.RowCount);
        Assert.Equal(split.Test.Labels, reloaded.Labels);
        Assert.Equal(split.Test.Row(3), reloaded.Row(3));
        Assert.StartsWith("sepal_length,", File.ReadLines(path).First());
    }
}
