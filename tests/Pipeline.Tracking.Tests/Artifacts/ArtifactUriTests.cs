using Pipeline.Tracking;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Tracking.Tests.Artifacts;

/// <summary>Artifact URIs are built by appending path segments, never by concatenating strings (issue 10 §1).</summary>
public sealed class ArtifactUriTests
{
    [Theory]
    [InlineData("file:///etc?", "file:///etc/r1/artifacts?")]
    [InlineData("file:///some/dir?x=1", "file:///some/dir/r1/artifacts?x=1")]
    [InlineData("file:///some/dir#frag", "file:///some/dir/r1/artifacts#frag")]
    [InlineData("file:///some/dir/", "file:///some/dir/r1/artifacts")]
    [InlineData("mlflow-artifacts:", "mlflow-artifacts:/r1/artifacts")]
    [InlineData("mlflow-artifacts:/3", "mlflow-artifacts:/3/r1/artifacts")]
    [InlineData("s3://bucket", "s3://bucket/r1/artifacts")]
    [InlineData("s3://bucket/a?versionId=1", "s3://bucket/a/r1/artifacts?versionId=1")]
    [InlineData("/srv/dir?", "/srv/dir?/r1/artifacts")]
    [InlineData("relative/mlartifacts/1", "relative/mlartifacts/1/r1/artifacts")]
    public void Append_AddsSegmentsToThePath_KeepsQueryAndFragmentAfter(string location, string expected)
    {
        Assert.Equal(expected, ArtifactUri.Parse(location).Append("r1", "artifacts").ToString());
    }

    [Fact]
    public void Append_EscapesSegmentsOfAUri_SoNoneAddsAQueryOrSeparator()
    {
        Assert.Equal("s3://b/p/a%3Fb%2Fc%23d", ArtifactUri.Parse("s3://b/p").Append("a?b/c#d").ToString());
    }

    [Fact]
    public void LocalRepositoryOfAppendedRun_StaysBelowTheLocation_EvenWithAQuery()
    {
        using var dir = new TempDirectory();
        var location = new Uri(dir.Path).AbsoluteUri + "?";

        var repository = new LocalArtifactRepository(ArtifactUri.Parse(location).Append("r1", "artifacts").ToString());

        Assert.Equal(Path.Join(dir.Path, "r1", "artifacts"), repository.RootPath);
    }

    [Fact]
    public void Confinement_LinkOutOfRoot_IsOutside_AfterResolvingLinks()
    {
        using var root = new TempDirectory();
        using var outside = new TempDirectory();
        File.CreateSymbolicLink(Path.Join(root.Path, "out"), outside.Path);
        var confinement = new ArtifactRootConfinement([root.Path]);

        Assert.True(confinement.Allows(Path.Join(root.Path, "in", "not-yet-there")));
        Assert.False(confinement.Allows(Path.Join(root.Path, "out", "x")));
        Assert.False(confinement.Allows(outside.Path));
        var error = Assert.Throws<TrackingException>(() => confinement.Open(Path.Join(root.Path, "out"), "artifact_location"));
        Assert.Equal(ErrorCode.PermissionDenied, error.Code);
    }

    [Fact]
    public void RealPath_LinkLoop_IsRefusedNotHung()
    {
        using var root = new TempDirectory();
        File.CreateSymbolicLink(Path.Join(root.Path, "a"), Path.Join(root.Path, "b"));
        File.CreateSymbolicLink(Path.Join(root.Path, "b"), Path.Join(root.Path, "a"));

        var error = Assert.Throws<TrackingException>(() => LocalRealPath.Of(Path.Join(root.Path, "a", "x")));

        Assert.Equal(ErrorCode.PermissionDenied, error.Code);
    }
}
