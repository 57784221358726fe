using Pipeline.Serving.Batch;
using Pipeline.Serving.Schema;

namespace Pipeline.Serving.Tests.Model;

public sealed class ScoringBatchTests
{
    private static readonly ScoringSchema Schema = new(
        [new ScoringColumnSpec("a", ScoringType.Double), new ScoringColumnSpec("b", ScoringType.String, Required: false)]);

    [Fact]
    public void Constructor_TypedColumns_ExposesThemInSchemaOrderWithNulls()
    {
        var b = new ScoringColumn(Schema.Columns[1], new string?[] { "x", null }, [false, true]);
        var a = new ScoringColumn(Schema.Columns[0], new[] { 1.5, 2.5 });

        var batch = new ScoringBatch(Schema, 2, [b, a]);

        Assert.Equal(["a", "b"], batch.Columns.Select(c => c.Name));
        Assert.Equal([1.5, 2.5], batch.Find("a")!.Doubles.ToArray());
        Assert.True(batch.Find("b")!.IsNull(1));
        Assert.Null(batch.Find("b")!.GetValue(1));
        Assert.Throws<InvalidOperationException>(() => batch.Find("a")!.Longs.Length);
    }

    [Fact]
    public void Constructor_MissingRequiredOrWrongLength_Throws()
    {
        var b = new ScoringColumn(Schema.Columns[1], new string?[] { "x" });

        Assert.Throws<ArgumentException>(() => new ScoringBatch(Schema, 1, [b]));
        Assert.Throws<ArgumentException>(() => new ScoringBatch(Schema, 2, [new ScoringColumn(Schema.Columns[0], new[] { 1.0 })]));
        Assert.Throws<ArgumentException>(() => new ScoringColumn(Schema.Columns[0], new[] { 1L }));
    }
}
