using DataFormatException = Pipeline.Ml.Data.DataFormatException;
using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages;
using Pipeline.Stages.Stages.PrepareData;

namespace Pipeline.Stages.Tests.Spec;

/// <summary><c>data.test_path</c> and <c>data.split_column</c>: how they are validated, and the split they pin.</summary>
public sealed class PinnedSplitSpecTests : IDisposable
{
    private const string Head = "experiment: test\ndata:\n  path: data.csv\n  label: target\n  task: binary_classification\n";
    private const string Tail = "sweep:\n  search_space:\n    - trainer: lbfgs_logistic_regression\n      params: { C: [1.0] }\nselect: { metric: roc_auc }\nmodel: { name: m }\n";

    private readonly TempDataFolder folder = new();
    private readonly PipelineSpecLoader loader = new(new FixtureTrainerCatalog(), new DefaultMetricCatalog());

    public PinnedSplitSpecTests()
    {
        File.WriteAllText(Path.Combine(folder.Path, "test.csv"), "a,b,target\n5,6,0\n7,8,1\n");
        File.WriteAllText(Path.Combine(folder.Path, "other.csv"), "a,c,target\n5,6,0\n");
        File.WriteAllText(Path.Combine(folder.Path, "split.csv"), "a,b,split,target\n1,2,train,0\n3,4,test,1\n5,6,train,1\n7,8,test,0\n");
    }

    public void Dispose() => folder.Dispose();

    private PipelineSpecResult Parse(string dataLines) => loader.Parse(Head + dataLines + Tail, "test.yaml", folder.Path);

    public static TheoryData<string, int, string> BadSplits => new()
    {
        { "  test_path: test.csv\n  test_fraction: 0.3\n", 7, "data.test_fraction: test_fraction draws a random split; it is not allowed with test_path" },
        { "  split_column: a\n  seed: 3\n", 7, "data.seed: seed draws a random split; it is not allowed with split_column" },
        { "  test_path: test.csv\n  split_column: a\n", 7, "data.split_column: a split is pinned either by a test file (test_path) or by a column (split_column), not both" },
        { "  test_path: missing.csv\n", 6, "data.test_path: test file 'missing.csv' does not exist" },
        { "  test_path: other.csv\n", 6, "data.test_path: test file 'other.csv' must have the same columns as data.path, in the same order (missing b; extra c)" },
        { "  split_column: splt\n", 6, "data.split_column: column 'splt' is not in the header of data.csv" },
        { "  split_column: target\n", 6, "data.split_column: the split column cannot be the label column 'target'" },
    };

    [Theory]
    [MemberData(nameof(BadSplits))]
    public void Parse_BadPinnedSplit_ReportsKeyAndLine(string dataLines, int line, string expected)
    {
        var result = Parse(dataLines);

        Assert.Contains(result.Errors, e => e.Line == line && e.ToString().Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_TestFile_TrainsOnPathAndTestsOnTheSecondFile()
    {
        var spec = Parse("  test_path: test.csv\n").GetSpecOrThrow();

        var dataset = PreparedDataset.Load(spec.Data);

        Assert.Equal((2, 2, 4), (dataset.Split.Train.RowCount, dataset.Split.Test.RowCount, dataset.All.RowCount));
        Assert.Equal([5.0, 7.0], [dataset.Split.Test.Row(0)[0], dataset.Split.Test.Row(1)[0]]);
        Assert.False(spec.Data.Stratify);
    }

    [Fact]
    public void Load_SplitColumn_AssignsRowsByValue_AndDropsTheColumn()
    {
        var spec = loader.Parse(Head.Replace("data.csv", "split.csv") + "  split_column: split\n" + Tail, "test.yaml", folder.Path).GetSpecOrThrow();

        var dataset = PreparedDataset.Load(spec.Data);

        Assert.Equal(["a", "b"], dataset.All.FeatureNames);
        Assert.Equal([0, 2], dataset.Split.TrainRows);
        Assert.Equal([1, 3], dataset.Split.TestRows);
        Assert.DoesNotContain(dataset.All.Schema.Columns, c => c.Name == "split");
    }

    [Fact]
    public void Load_SplitColumnWithAnotherValue_NamesTheLineAndColumn()
    {
        File.WriteAllText(Path.Combine(folder.Path, "split.csv"), "a,b,split,target\n1,2,train,0\n3,4,validation,1\n");
        var data = new DataSpec(Path.Combine(folder.Path, "split.csv"), "target", Pipeline.Ml.Data.TaskKind.Binary, 0.2, false, 42, SplitColumn: "split");

        var error = Assert.Throws<DataFormatException>(() => PreparedDataset.Load(data));

        Assert.Equal((3, "split"), (error.Line, error.Column));
        Assert.Contains("split value 'validation' is not one of 'train', 'test'", error.Message);
    }
}
