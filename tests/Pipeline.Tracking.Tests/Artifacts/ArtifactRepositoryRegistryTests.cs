using Pipeline.Tracking.Artifacts;

namespace Pipeline.Tracking.Tests.Artifacts;

public sealed class ArtifactRepositoryRegistryTests : IDisposable
{
    private readonly ArtifactSandbox _box = new();

    public void Dispose() => _box.Dispose();

    [Fact]
    public void Open_FileUri_GivesLocalRepositoryAtThatFolder()
    {
        var repo = new ArtifactRepositoryRegistry().Open("file://" + _box.Root);

        Assert.Equal(_box.Root, Assert.IsType<LocalArtifactRepository>(repo).RootPath);
    }

    [Fact]
    public void Open_PlainPath_GivesLocalRepository() =>
        Assert.Equal(_box.Root, Assert.IsType<LocalArtifactRepository>(new ArtifactRepositoryRegistry().Open(_box.Root)).RootPath);

    [Fact]
    public void Open_UnknownScheme_ThrowsListingKnownSchemes()
    {
        var registry = new ArtifactRepositoryRegistry().Register("mlflow-artifacts", uri => new LocalArtifactRepository(_box.Root));

        var error = Assert.Throws<TrackingException>(() => registry.Open("s3://bucket/1/abc/artifacts"));

        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.Contains("scheme 's3'", error.Message);
        Assert.Contains("Known schemes: file, mlflow-artifacts", error.Message);
    }

    [Fact]
    public void Open_RegisteredScheme_CallsItsFactoryWithTheUri()
    {
        string? received = null;
        var registry = new ArtifactRepositoryRegistry().Register("wasbs", uri =>
        {
            received = uri;
            return new LocalArtifactRepository(_box.Root);
        });

        registry.Open("WASBS://container@account.blob.core.windows.net/x");

        Assert.Equal("WASBS://container@account.blob.core.windows.net/x", received);
    }

    [Theory]
    [InlineData("file:///tmp/x", "file")]
    [InlineData("mlflow-artifacts:/1/abc", "mlflow-artifacts")]
    [InlineData("s3://bucket", "s3")]
    [InlineData("/tmp/x", null)]
    [InlineData("relative/dir", null)]
    [InlineData("C:/mlruns", null)]
    [InlineData("C:\\mlruns", null)]
    public void SchemeOf_Uri_FindsSchemeOrNone(string uri, string? scheme) =>
        Assert.Equal(scheme, ArtifactRepositoryRegistry.SchemeOf(uri));

    [Theory]
    [InlineData("s")]
    [InlineData("3s")]
    [InlineData("s3:")]
    public void Register_InvalidScheme_Throws(string scheme) =>
        Assert.Throws<ArgumentException>(() => new ArtifactRepositoryRegistry().Register(scheme, _ => null!));
}
