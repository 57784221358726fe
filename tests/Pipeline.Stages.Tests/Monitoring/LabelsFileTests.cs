using Pipeline.Ml.Data;
using Pipeline.Stages.Monitoring;

namespace Pipeline.Stages.Tests.Monitoring;

public sealed class LabelsFileTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"labels-{Guid.NewGuid():N}.csv");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void Read_WithoutRowColumn_NthLineOfARequestLabelsItsNthRow()
    {
        File.WriteAllText(_file, "request_id,label\na,1\nb,true\na,0.0\nc,\n");

        var (rows, empty) = LabelsFile.Read(_file, "request_id", null);

        Assert.Equal([("a", 0, "1"), ("b", 0, "1"), ("a", 1, "0")], rows.Select(r => (r.RequestId, r.Row, r.Label)));
        Assert.Equal(1, empty);
    }

    [Fact]
    public void Read_RowColumnAndNamedLabel_AreUsed()
    {
        File.WriteAllText(_file, "id,row,y,note\na,3,M,x\n");

        var (rows, _) = LabelsFile.Read(_file, "id", "y");

        Assert.Equal(("a", 3, "M"), (rows[0].RequestId, rows[0].Row, rows[0].Label));
    }

    [Fact]
    public void Read_AmbiguousLabelColumn_ErrorNamesTheCandidatesAndTheOption()
    {
        File.WriteAllText(_file, "request_id,y,note\na,1,x\n");

        var error = Assert.Throws<DataFormatException>(() => LabelsFile.Read(_file, "request_id", null));

        Assert.Contains("'y', 'note'", error.Message);
        Assert.Contains("--label-column", error.Message);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Read_BadRowIndex_ErrorNamesTheLine()
    {
        File.WriteAllText(_file, "request_id,row,label\na,0,1\na,x,1\n");

        var error = Assert.Throws<DataFormatException>(() => LabelsFile.Read(_file, "request_id", null));

        Assert.Equal(3, error.Line);
    }
}
