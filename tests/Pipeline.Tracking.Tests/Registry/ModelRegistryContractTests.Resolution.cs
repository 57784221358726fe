using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Tracking.Tests.Registry;

public abstract partial class ModelRegistryContractTests<TStore>
{
    /// <summary>A run, and a model whose version 1 is <c>runs:/{run}/model</c> and version 2 a plain S3 folder, alias champion → 1.</summary>
    private async Task<(ModelUriResolver Resolver, string Name, string RunId, string RunArtifacts)> ResolutionFixtureAsync()
    {
        var run = await Store.CreateRunAsync("0", "alice", 1, [], null);
        var name = Unique("resolve");
        await Registry.CreateRegisteredModelAsync(name);
        await Registry.CreateModelVersionAsync(name, $"runs:/{run.Info.RunId}/model", run.Info.RunId);
        await Registry.CreateModelVersionAsync(name, "s3://bucket/models/two");
        await Registry.SetRegisteredModelAliasAsync(name, "champion", 1);
        return (new ModelUriResolver(Registry, Store), name, run.Info.RunId, run.Info.ArtifactUri);
    }

    [StoreFact]
    public async Task Resolve_EachUriForm_GivesTheVersionsArtifactLocation()
    {
        var (resolver, name, runId, artifacts) = await ResolutionFixtureAsync();

        var byVersion = await resolver.ResolveAsync($"models:/{name}/2");
        var byAlias = await resolver.ResolveAsync($"models:/{name}@champion");
        var latest = await resolver.ResolveAsync($"models:/{name}/latest");
        var run = await resolver.ResolveAsync($"runs:/{runId}/model/sub");

        Assert.Equal(("s3://bucket/models/two", 2L), (byVersion.ArtifactUri, byVersion.Version!.Version));
        Assert.Equal(($"{artifacts}/model", 1L, runId), (byAlias.ArtifactUri, byAlias.Version!.Version, byAlias.RunId));
        Assert.Equal(2, latest.Version!.Version);
        Assert.Equal(($"{artifacts}/model/sub", null), (run.ArtifactUri, run.Version));
        Assert.StartsWith(ArtifactRoot, artifacts);
    }

    [StoreFact]
    public async Task Resolve_AliasMoved_FollowsIt()
    {
        var (resolver, name, _, _) = await ResolutionFixtureAsync();

        await Registry.SetRegisteredModelAliasAsync(name, "champion", 2);

        Assert.Equal("s3://bucket/models/two", (await resolver.ResolveAsync($"models:/{name}@champion")).ArtifactUri);
    }

    [StoreFact]
    public async Task Resolve_UnknownModelVersionAliasOrRun_ClearErrors()
    {
        var (resolver, name, _, _) = await ResolutionFixtureAsync();
        var empty = await ModelWithVersionsAsync(0);

        Assert.Equal($"Model Version (name={name}, version=9) not found",
            (await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => resolver.ResolveAsync($"models:/{name}/9"))).Message);
        Assert.Equal("Registered model alias nobody not found.",
            (await ThrowsTracking(ErrorCode.InvalidParameterValue, () => resolver.ResolveAsync($"models:/{name}@nobody"))).Message);
        Assert.Equal("Registered Model with name=ghost-model not found",
            (await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => resolver.ResolveAsync("models:/ghost-model/latest"))).Message);
        Assert.Equal($"No versions of model with name '{empty}' found",
            (await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => resolver.ResolveAsync($"models:/{empty}/latest"))).Message);
        await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => resolver.ResolveAsync("runs:/ffffffffffffffffffffffffffffffff/model"));
        await ThrowsTracking(ErrorCode.InvalidParameterValue, () => resolver.ResolveAsync($"models:/{name}"));
    }
}
