using Pipeline.Tracking.Registry;

namespace Pipeline.Tracking.Tests.Registry;

public sealed class ModelUriTests
{
    public static TheoryData<string, ModelUri> Good => new()
    {
        { "models:/fraud/3", new ModelUri(ModelUriKind.Version, "fraud", Version: 3) },
        { "models:///fraud/12", new ModelUri(ModelUriKind.Version, "fraud", Version: 12) },
        { "models:/fraud@champion", new ModelUri(ModelUriKind.Alias, "fraud", Alias: "champion") },
        { "models:/team@corp@prod", new ModelUri(ModelUriKind.Alias, "team@corp", Alias: "prod") },
        { "models:/fraud/latest", new ModelUri(ModelUriKind.Latest, "fraud") },
        { "models:/fraud/LATEST", new ModelUri(ModelUriKind.Latest, "fraud") },
        { "models:/fraud/Production", new ModelUri(ModelUriKind.Stage, "fraud", Stage: "Production") },
        { "models:/my model/1", new ModelUri(ModelUriKind.Version, "my model", Version: 1) },
        { "runs:/0123abcd/model", new ModelUri(ModelUriKind.Run, RunId: "0123abcd", Path: "model") },
        { "runs:/0123abcd/a/b/", new ModelUri(ModelUriKind.Run, RunId: "0123abcd", Path: "a/b") },
        { "runs:/0123abcd", new ModelUri(ModelUriKind.Run, RunId: "0123abcd", Path: "") },
    };

    [Theory]
    [MemberData(nameof(Good))]
    public void Parse_WellFormed_GivesItsParts(string uri, ModelUri expected) => Assert.Equal(expected, ModelUri.Parse(uri));

    [Theory]
    [InlineData("models:/")]
    [InlineData("models:/fraud")]
    [InlineData("models:/fraud/")]
    [InlineData("models:/fraud/1/extra")]
    [InlineData("models:/ /1")]
    [InlineData("models:/fraud@")]
    [InlineData("models:/@champion")]
    [InlineData("models:fraud/1")]
    [InlineData("model:/fraud/1")]
    [InlineData("s3://bucket/fraud")]
    public void Parse_MalformedModelsUri_InvalidParameterValueExplainingTheForms(string uri)
    {
        var error = Assert.Throws<TrackingException>(() => ModelUri.Parse(uri));
        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.StartsWith($"Not a proper models:/ URI: {uri}.", error.Message);
        Assert.Contains("'models:/model_name@alias'", error.Message);
    }

    [Theory]
    [InlineData("runs:/")]
    [InlineData("runs:abc/model")]
    [InlineData("runs:/bad id/model")]
    public void Parse_MalformedRunsUri_InvalidParameterValue(string uri)
    {
        var error = Assert.Throws<TrackingException>(() => ModelUri.Parse(uri));
        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.StartsWith($"Not a proper runs:/ URI: {uri}.", error.Message);
    }

    [Theory]
    [InlineData("models:/fraud/3")]
    [InlineData("models:/fraud@champion")]
    [InlineData("models:/fraud/latest")]
    [InlineData("runs:/abc/model")]
    public void ToString_Canonical_RoundTrips(string uri) => Assert.Equal(uri, ModelUri.Parse(uri).ToString());
}
