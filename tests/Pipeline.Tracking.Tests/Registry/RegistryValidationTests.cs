using Pipeline.Tracking.Registry;

namespace Pipeline.Tracking.Tests.Registry;

public sealed class RegistryValidationTests
{
    public static TheoryData<string, string> BadAliases => new()
    {
        { "", "Registered model alias name cannot be empty." },
        { "has space", "Invalid alias name: 'has space'. Names may only contain alphanumerics, underscores (_), and dashes (-)." },
        { "dot.ted", "Invalid alias name: 'dot.ted'. Names may only contain alphanumerics, underscores (_), and dashes (-)." },
        { new string('a', 256), "'Registered model alias name' exceeds the maximum length of 255 characters" },
        { "latest", "'latest' alias name (case insensitive) is reserved." },
        { "LaTeSt", "'latest' alias name (case insensitive) is reserved." },
        { "v1", "Version alias name 'v1' is reserved." },
        { "V42", "Version alias name 'V42' is reserved." },
    };

    [Theory]
    [MemberData(nameof(BadAliases))]
    public void ValidateAlias_BadName_InvalidParameterValueWithMlflowMessage(string alias, string message)
    {
        var error = Assert.Throws<TrackingException>(() => RegistryValidation.ValidateAlias(alias));
        Assert.Equal((ErrorCode.InvalidParameterValue, message), (error.Code, error.Message));
    }

    [Theory]
    [InlineData("champion")]
    [InlineData("v1x")]
    [InlineData("version-2")]
    [InlineData("latest_good")]
    [InlineData("ünïcode")]
    public void ValidateAlias_GoodName_Passes(string alias) => RegistryValidation.ValidateAlias(alias);

    [Theory]
    [InlineData("12", 12)]
    [InlineData("-1", -1)]
    public void ParseVersion_Integer_Parses(string text, long expected) => Assert.Equal(expected, RegistryValidation.ParseVersion(text));

    [Fact]
    public void ParseVersion_NotInteger_InvalidParameterValue()
    {
        var error = Assert.Throws<TrackingException>(() => RegistryValidation.ParseVersion("1.5"));
        Assert.Equal("Parameter 'version' must be an integer, got '1.5'.", error.Message);
    }

    [Theory]
    [InlineData("STAGING", true, "Staging")]
    [InlineData("production", true, "Production")]
    [InlineData("none", false, "None")]
    [InlineData("ARCHIVED", false, "Archived")]
    public void ValidateTransitionStage_KnownStage_CanonicalSpelling(string stage, bool archive, string expected) =>
        Assert.Equal(expected, RegistryValidation.ValidateTransitionStage(stage, archive));

    [Theory]
    [InlineData(null, false, "Missing value for required parameter 'stage'.")]
    [InlineData("prod", false, "Invalid Model Version stage: prod. Value must be one of None, Staging, Production, Archived.")]
    [InlineData("archived", true,
        "Model version transition cannot archive existing model versions because 'archived' is not an Active stage. Valid stages are ['Staging', 'Production']")]
    public void ValidateTransitionStage_Bad_InvalidParameterValueWithMlflowMessage(string? stage, bool archive, string message)
    {
        var error = Assert.Throws<TrackingException>(() => RegistryValidation.ValidateTransitionStage(stage, archive));
        Assert.Equal((ErrorCode.InvalidParameterValue, message), (error.Code, error.Message));
    }
}
