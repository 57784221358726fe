using Pipeline.Tracking.Stores;

namespace Pipeline.Tracking.Tests.Stores;

public sealed class TrackingValidationTests
{
    [Theory]
    [InlineData("", ".")]
    [InlineData("a//b", "a/b")]
    [InlineData("a/./b", "a/b")]
    [InlineData("../x", "../x")]
    [InlineData("a/../..", "..")]
    [InlineData("/a/", "/a")]
    [InlineData("//a", "//a")]
    [InlineData("///a", "/a")]
    [InlineData("a..a/._./o_O/.e.", "a..a/._./o_O/.e.")]
    public void PosixNormPath_MatchesPython(string path, string expected) =>
        Assert.Equal(expected, TrackingValidation.PosixNormPath(path));

    [Fact]
    public void RandomRunNameGenerator_SameSeed_SameNames() =>
        Assert.Equal(new RandomRunNameGenerator(3).Next(), new RandomRunNameGenerator(3).Next());
}
