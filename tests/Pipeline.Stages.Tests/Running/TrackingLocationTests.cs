using Pipeline.Stages.Running;
using Pipeline.Stages.Spec;
using Pipeline.Tracking.Metadata;

namespace Pipeline.Stages.Tests.Running;

public class TrackingLocationTests
{
    private static PipelineSpec SpecWith(TrackingSpec tracking) =>
        new("p.yaml", "e", tracking, null!, null!, null!, null!, null!, null!);

    private static DictionaryEnvironmentVariables Env(params (string Key, string Value)[] values) =>
        new(values.ToDictionary(v => v.Key, v => v.Value));

    [Fact]
    public void Resolve_CommandLineWins_OverEnvironmentAndFile()
    {
        var location = TrackingLocation.Resolve(new StageOptions("p.yaml", "postgresql://cli/db"),
            SpecWith(new TrackingSpec("sqlite:///file.db", "./a")), Env(("MLFLOW_TRACKING_URI", "sqlite:///env.db")), "/work");

        Assert.Equal("postgresql://cli/db", location.TrackingUri);
    }

    [Fact]
    public void Resolve_EnvironmentWins_OverFile()
    {
        var location = TrackingLocation.Resolve(new StageOptions("p.yaml"),
            SpecWith(new TrackingSpec("sqlite:///file.db", "./a")), Env(("MLFLOW_TRACKING_URI", "sqlite:///env.db")), "/work");

        Assert.Equal("sqlite:///env.db", location.TrackingUri);
    }

    [Fact]
    public void Resolve_NothingSet_UsesFile()
    {
        var location = TrackingLocation.Resolve(new StageOptions("p.yaml"), SpecWith(TrackingSpec.Default), Env(), "/work");

        Assert.Equal("sqlite:///mlruns.db", location.TrackingUri);
    }

    [Fact]
    public void Resolve_RelativeArtifactRoot_BecomesFileUriUnderCurrentDirectory()
    {
        var location = TrackingLocation.Resolve(new StageOptions("p.yaml"), SpecWith(new TrackingSpec("sqlite:///x.db", "./mlartifacts")), Env(), "/work/repo");

        Assert.Equal("file:///work/repo/mlartifacts", location.ArtifactRoot);
    }
}
