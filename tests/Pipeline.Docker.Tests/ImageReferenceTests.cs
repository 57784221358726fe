namespace Pipeline.Docker.Tests;

public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("Iris Classifier", "iris-classifier")]
    [InlineData("breast_cancer.LR", "breast-cancer-lr")]
    public void RepositoryFor_ModelName_GivesLowercaseRepository(string model, string expected) =>
        Assert.Equal(expected, ImageReference.RepositoryFor(model));

    [Fact]
    public void RepositoryFor_NothingUsable_Throws() =>
        Assert.Throws<ArgumentException>(() => ImageReference.RepositoryFor("***"));

    [Theory]
    [InlineData("3", true)]
    [InlineData("champion", true)]
    [InlineData("-bad", false)]
    [InlineData("has space", false)]
    public void IsValidTag_ChecksDockerGrammar(string tag, bool valid) => Assert.Equal(valid, ImageReference.IsValidTag(tag));
}
