using Pipeline.Ml.Data;

namespace Pipeline.Ml.Tests.Data;

public class CsvDataLoaderTests
{
    public static TheoryData<string, string, int?, string?> BadFiles => new()
    {
        // csv text, expected message part, expected line, expected column
        { "a,b,target\n1,x,0\n2,3,1\n", "non-numeric value 'x'", 2, "b" },
        { "a,b,target\n1,2,0\n3,,1\n", "missing value", 3, "b" },
        { "a,b,target\n1,2,0\n3,NA,1\n", "missing value", 3, "b" },
        { "a,b,target\n1,2,0\n3,4\n", "ragged row: 2 fields, the header has 3", 3, null },
        { "a,b,target\n1,2,0\n3,4,1,5\n", "ragged row: 4 fields", 3, null },
        { "a,a,target\n1,2,0\n", "duplicate column name (positions 1 and 2)", 1, "a" },
        { "a,b,label\n1,2,0\n", "label column 'target' not found; columns are: a, b, label", 1, null },
        { "a,b,target\n1,2,1\n3,4,1\n", "single class (1)", null, "target" },
        { "a,,target\n1,2,0\n", "empty column name at position 2", 1, null },
        { "a,b,target\n1,inf,0\n", "non-finite value 'inf'", 2, "b" },
        { "", "empty file", 1, null },
        { "a,b,target\n", "no data rows", null, null },
        { "a,b,target\n1,\"2,0\n", "unterminated quoted field", 2, null },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Load_BadFile_ThrowsNamingLineAndColumn(string csv, string message, int? line, string? column)
    {
        var error = Assert.Throws<DataFormatException>(() => new CsvDataLoader().Load(new StringReader(csv), "bad.csv"));

        Assert.Contains(message, error.Message);
        Assert.StartsWith("bad.csv", error.Message);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
    }

    [Fact]
    public void Load_BlankLineBeforeBadRow_CountsFileLines()
    {
        var error = Assert.Throws<DataFormatException>(() =>
            new CsvDataLoader().Load(new StringReader("a,target\n1,0\n\n2,1\nz,0\n"), "f.csv"));

        Assert.Equal(5, error.Line);
    }

    [Fact]
    public void Load_DeclaredBinaryWithThreeClasses_Throws()
    {
        var loader = new CsvDataLoader(new CsvLoadOptions { Task = TaskKind.Binary });

        var error = Assert.Throws<DataFormatException>(() => loader.Load(new StringReader("a,target\n1,0\n2,1\n3,2\n"), "f.csv"));

        Assert.Contains("exactly 2 classes, the label has 3", error.Message);
    }

    [Theory]
    [InlineData("breast_cancer", TaskKind.Binary, 569, 30, 2)]
    [InlineData("wine", TaskKind.Multiclass, 178, 13, 3)]
    [InlineData("iris", TaskKind.Multiclass, 150, 4, 3)]
    [InlineData("diabetes", TaskKind.Regression, 442, 10, 0)]
    public void Load_ShippedDataSets_InfersTaskAndShape(string name, TaskKind task, int rows, int features, int classes)
    {
        var table = TestData.Load(name);

        Assert.Equal(task, table.Task);
        Assert.Equal(rows, table.RowCount);
        Assert.Equal(features, table.FeatureNames.Count);
        Assert.Equal(classes, table.ClassValues.Count);
        Assert.Equal("target", table.Schema.Columns[^1].Name);
    }

    [Fact]
    public void Load_IntegerColumns_AreLongAndOthersDouble_AsPandasInfers()
    {
        var table = new CsvDataLoader().Load(new StringReader("a,b,target\n1,2.5,0\n-3,4,1\n"), "f.csv");

        Assert.Equal(["long", "double", "long"], table.Schema.Columns.Select(c => c.Type));
        Assert.Equal([-3.0, 4.0], table.Row(1));
    }

    [Fact]
    public void Load_QuotedHeaderAndValues_AreUnquoted()
    {
        var table = new CsvDataLoader().Load(new StringReader("\"a,1\",target\n\"1.5\",0\n2,1\n"), "f.csv");

        Assert.Equal("a,1", table.FeatureNames[0]);
        Assert.Equal(1.5, table.Row(0)[0]);
    }
}
