using Pipeline.Ml.Models;

namespace Pipeline.Ml.Tests.Models;

public class ModelSignatureTests
{
    [Fact]
    public void InputsJson_MatchesMlflowSchemaToJsonExactly()
    {
        var sig = new ModelSignature(
            [new ColumnSpec(MlflowDataType.Double, "mean radius"), new ColumnSpec(MlflowDataType.Long, "age"), new ColumnSpec(MlflowDataType.Boolean, "flag", Required: false)],
            [new ColumnSpec(MlflowDataType.Long)]);
        Assert.Equal(
            "[{\"type\": \"double\", \"name\": \"mean radius\", \"required\": true}, {\"type\": \"long\", \"name\": \"age\", \"required\": true}, {\"type\": \"boolean\", \"name\": \"flag\", \"required\": false}]",
            sig.InputsJson);
        Assert.Equal("[{\"type\": \"long\", \"required\": true}]", sig.OutputsJson);
    }

    [Fact]
    public void ToJson_NonAsciiAndQuotes_EscapedAsPython()
    {
        var json = ModelSignature.ToJson([new ColumnSpec(MlflowDataType.String, "caf\u00e9 \"x\"")]);
        Assert.Equal("[{\"type\": \"string\", \"name\": \"caf\\u00e9 \\\"x\\\"\", \"required\": true}]", json);
    }

    [Fact]
    public void ParseSchema_RoundTripsEveryType()
    {
        var columns = Enum.GetValues<MlflowDataType>().Select(t => new ColumnSpec(t, "c_" + t.ToName(), t != MlflowDataType.Binary)).ToList();
        Assert.Equal(columns, ModelSignature.ParseSchema(ModelSignature.ToJson(columns)));
    }

    [Theory]
    [InlineData("[{\"type\": \"tensor\", \"tensor-spec\": {\"dtype\": \"int64\", \"shape\": [-1]}}]", "outputs[0]: is a tensor spec")]
    [InlineData("[{\"type\": \"decimal\", \"name\": \"x\"}]", "outputs[0]: unsupported type 'decimal'")]
    [InlineData("[{\"name\": \"x\"}]", "outputs[0]: missing string key 'type'")]
    [InlineData("{\"type\": \"long\"}", "expected a JSON array")]
    [InlineData("[{\"type\": \"long\"", "not valid JSON")]
    public void ParseSchema_BadInput_ErrorNamesEntry(string json, string expected)
    {
        var e = Assert.Throws<ModelFormatException>(() => ModelSignature.ParseSchema(json, "outputs"));
        Assert.Contains(expected, e.Message);
    }
}
