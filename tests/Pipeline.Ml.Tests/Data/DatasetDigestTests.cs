using Pipeline.Ml.Data;

namespace Pipeline.Ml.Tests.Data;

public class DatasetDigestTests
{
    // What MLflow's compute_pandas_digest gives for pandas.read_csv of each file (pandas 1.5.3).
    [Theory]
    [InlineData("breast_cancer", "578e7e3d")]
    [InlineData("wine", "ff2572ec")]
    [InlineData("iris", "470bc25c")]
    [InlineData("diabetes", "c59e51f5")]
    public void Compute_ShippedDataSets_EqualsMlflowPandasDigest(string name, string expected)
    {
        Assert.Equal(expected, DatasetDigest.Compute(TestData.Load(name)));
    }

    [Fact]
    public void Compute_SameDataTwice_IsStableAndEightHexChars()
    {
        var first = DatasetDigest.Compute(TestData.Load("iris"));
        var second = DatasetDigest.Compute(TestData.Load("iris"));

        Assert.Equal(first, second);
        Assert.Matches("^[0-9a-f]{8}$", first);
    }

    [Fact]
    public void Compute_OneValueChanged_ChangesDigest()
    {
        var original = new CsvDataLoader().Load(new StringReader("a,target\n1.5,0\n2.5,1\n"), "f.csv");
        var changed = new CsvDataLoader().Load(new StringReader("a,target\n1.5,0\n2.6,1\n"), "f.csv");

        Assert.NotEqual(DatasetDigest.Compute(original), DatasetDigest.Compute(changed));
    }

    [Fact]
    public void Compute_WrittenAndReloaded_KeepsDigest()
    {
        var table = TestData.Load("wine");
        var path = Path.Combine(TestData.TempFolder(), "wine.csv");

        CsvDataWriter.Write(table, path);

        Assert.Equal(DatasetDigest.Compute(table), DatasetDigest.Compute(new CsvDataLoader().Load(path)));
    }
}
