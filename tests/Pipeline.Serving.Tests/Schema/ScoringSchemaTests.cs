using Pipeline.Serving.Schema;

namespace Pipeline.Serving.Tests.Schema;

public sealed class ScoringSchemaTests
{
    [Fact]
    public void FromMlflowJson_ColumnSchema_ReadsNamesTypesAndRequired()
    {
        var schema = ScoringSchema.FromMlflowJson(
            """[{"type": "double", "name": "mean radius", "required": true}, {"type": "long", "name": "n"}, {"type": "string", "name": "s", "required": false}]""");

        Assert.Equal(
            [new("mean radius", ScoringType.Double), new("n", ScoringType.Long), new ScoringColumnSpec("s", ScoringType.String, Required: false)],
            schema.Columns);
        Assert.Equal("['mean radius': double (required), 'n': long (required), 's': string (optional)]", schema.ToString());
        Assert.Equal(1, schema.IndexOf("n"));
        Assert.Equal(-1, schema.IndexOf("N"));
    }

    [Theory]
    [InlineData("""{"type": "double"}""", "JSON array")]
    [InlineData("""[{"type": "double"}]""", "Schema entry 0 has no 'name'")]
    [InlineData("""[{"name": "a", "type": "double"}, {"name": "b", "type": "binary"}]""", "Schema entry 1 ('b') has type 'binary'; supported types: double, float, long, integer, boolean, string.")]
    [InlineData("""[{"type": "tensor", "tensor-spec": {"dtype": "float64", "shape": [-1, 4]}}]""", "no 'name'")]
    [InlineData("""[{"name": "a", "type": "double"}, {"name": "a", "type": "long"}]""", "Column 'a' appears twice")]
    [InlineData("""[]""", "at least one column")]
    [InlineData("""[{"name": "a", """, "not valid JSON")]
    public void FromMlflowJson_Unservable_ThrowsFormatExceptionNamingTheEntry(string json, string fragment)
    {
        var error = Assert.Throws<FormatException>(() => ScoringSchema.FromMlflowJson(json));

        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }
}
