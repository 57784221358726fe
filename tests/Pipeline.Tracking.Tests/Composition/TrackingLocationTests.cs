using Pipeline.Tracking.Composition;
using Pipeline.Tracking.Metadata;

namespace Pipeline.Tracking.Tests.Composition;

public sealed class TrackingLocationTests
{
    private static DictionaryEnvironmentVariables Env(params (string Key, string Value)[] values) =>
        new(values.ToDictionary(v => v.Key, v => v.Value));

    [Fact]
    public void Resolve_CommandLineWins_OverEnvironmentAndFile()
    {
        var location = TrackingLocation.Resolve("postgresql://cli/db", "sqlite:///file.db", "./a", Env(("MLFLOW_TRACKING_URI", "sqlite:///env.db")), "/work");

        Assert.Equal("postgresql://cli/db", location.TrackingUri);
    }

    [Fact]
    public void Resolve_EnvironmentWins_OverFile()
    {
        var location = TrackingLocation.Resolve(null, "sqlite:///file.db", "./a", Env(("MLFLOW_TRACKING_URI", "sqlite:///env.db")), "/work");

        Assert.Equal("sqlite:///env.db", location.TrackingUri);
    }

    [Fact]
    public void Resolve_BlankEnvironment_FallsThroughToFile()
    {
        var location = TrackingLocation.Resolve(null, "sqlite:///file.db", null, Env(("MLFLOW_TRACKING_URI", " ")), "/work");

        Assert.Equal("sqlite:///file.db", location.TrackingUri);
    }

    [Fact]
    public void Resolve_NothingSet_UsesSqliteDefaultAndMlartifacts()
    {
        var location = TrackingLocation.Resolve(null, null, null, Env(), "/work");

        Assert.Equal(("sqlite:///mlruns.db", "file:///work/mlartifacts"), (location.TrackingUri, location.ArtifactRoot));
    }

    [Fact]
    public void Resolve_RelativeArtifactRoot_BecomesFileUriUnderCurrentDirectory()
    {
        var location = TrackingLocation.Resolve(null, "sqlite:///x.db", "./mlartifacts", Env(), "/work/repo");

        Assert.Equal("file:///work/repo/mlartifacts", location.ArtifactRoot);
    }

    [Fact]
    public void Resolve_ObjectStoreArtifactRoot_StaysAsGiven()
    {
        var location = TrackingLocation.Resolve(null, null, "s3://bucket/prefix", Env(), "/work");

        Assert.Equal("s3://bucket/prefix", location.ArtifactRoot);
    }

    [Fact]
    public void RedactedTrackingUri_HidesPassword() =>
        Assert.Equal("postgresql://u:***@h/d", new TrackingLocation("postgresql://u:secret@h/d", "/a").RedactedTrackingUri);
}
