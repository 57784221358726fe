using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Tracking.Tests.Registry;

public abstract partial class ModelRegistryContractTests<TStore>
{
    [StoreFact]
    public async Task CreateModelVersion_NumbersOneTwoThree_AndFillsFields()
    {
        var name = Unique("model");
        await Registry.CreateRegisteredModelAsync(name);

        var first = await Registry.CreateModelVersionAsync(name, "runs:/abc/model", "abc", [new RegistryTag("k", "v")], "http://link", "desc");
        var second = await Registry.CreateModelVersionAsync(name, "s3://b/2");
        var third = await Registry.CreateModelVersionAsync(name, "s3://b/3");

        Assert.Equal([1L, 2L, 3L], new[] { first.Version, second.Version, third.Version });
        Assert.Equal("1", first.VersionText);
        Assert.Equal((ModelVersionStatus.Ready, ModelVersionStages.None), (first.Status, first.CurrentStage));
        Assert.Equal(("runs:/abc/model", "abc", "http://link", "desc", "v"), (first.Source, first.RunId, first.RunLink, first.Description, first.Tags["k"]));
        Assert.Equal(first, await Registry.GetModelVersionAsync(name, 1), VersionComparer.Instance);
        Assert.Equal(3, Assert.Single((await Registry.GetRegisteredModelAsync(name)).LatestVersions).Version);
    }

    [StoreFact]
    public async Task CreateModelVersion_UnknownModel_ResourceDoesNotExist() =>
        await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Registry.CreateModelVersionAsync("no-such-model", "s3://x"));

    [StoreFact]
    public async Task CreateModelVersion_ConcurrentFromSeveralStores_NumbersAreDistinctAndDense()
    {
        var name = await ModelWithVersionsAsync(0);
        const int Writers = 6, PerWriter = 5;
        var stores = Enumerable.Range(0, Writers).Select(_ => OpenStore(Clock)).ToList();
        try
        {
            var created = await Task.WhenAll(stores.Select(store => Task.Run(async () =>
            {
                var versions = new List<long>();
                for (var i = 0; i < PerWriter; i++)
                {
                    versions.Add((await RegistryOf(store).CreateModelVersionAsync(name, "s3://b/concurrent")).Version);
                }

                return versions;
            })));

            Assert.Equal(Enumerable.Range(1, Writers * PerWriter).Select(v => (long)v), created.SelectMany(v => v).Order());
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [StoreFact]
    public async Task DeleteModelVersion_NumberIsNotReused_AliasGoes_LatestFallsBack()
    {
        var name = await ModelWithVersionsAsync(2);
        await Registry.SetRegisteredModelAliasAsync(name, "champion", 2);

        await Registry.DeleteModelVersionAsync(name, 2);

        var error = await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Registry.GetModelVersionAsync(name, 2));
        Assert.Equal($"Model Version (name={name}, version=2) not found", error.Message);
        await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Registry.GetModelVersionByAliasAsync(name, "champion"));
        Assert.Equal(1, Assert.Single(await Registry.GetLatestVersionsAsync(name)).Version);
        Assert.Equal(3, (await Registry.CreateModelVersionAsync(name, "s3://b/3")).Version);
        await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Registry.DeleteModelVersionAsync(name, 2));
        await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Registry.GetModelVersionDownloadUriAsync(name, 2));
    }

    [StoreFact]
    public async Task UpdateModelVersion_SetsDescription_UnknownVersionFails()
    {
        var name = await ModelWithVersionsAsync(1);
        Clock.Advance(TimeSpan.FromSeconds(1));

        var updated = await Registry.UpdateModelVersionAsync(name, 1, "tuned");

        Assert.Equal("tuned", updated.Description);
        Assert.Equal(Clock.GetUtcNow().ToUnixTimeMilliseconds(), updated.LastUpdatedTimestamp);
        await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Registry.UpdateModelVersionAsync(name, 9, "x"));
    }

    [StoreFact]
    public async Task ModelVersionTags_SetOverwrites_DeleteRemoves()
    {
        var name = await ModelWithVersionsAsync(2);

        await Registry.SetModelVersionTagAsync(name, 1, new RegistryTag("k", "1"));
        await Registry.SetModelVersionTagAsync(name, 1, new RegistryTag("k", "2"));
        Assert.Equal("2", (await Registry.GetModelVersionAsync(name, 1)).Tags["k"]);
        Assert.Empty((await Registry.GetModelVersionAsync(name, 2)).Tags);

        await Registry.DeleteModelVersionTagAsync(name, 1, "k");
        Assert.Empty((await Registry.GetModelVersionAsync(name, 1)).Tags);
        await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Registry.SetModelVersionTagAsync(name, 7, new RegistryTag("k", "v")));
    }

    [StoreFact]
    public async Task GetModelVersionDownloadUri_IsSource_ModelsSourceResolvesToItsLocation()
    {
        var name = await ModelWithVersionsAsync(1);
        await Registry.SetRegisteredModelAliasAsync(name, "prod", 1);

        var copy = await Registry.CreateModelVersionAsync(name, $"models:/{name}@prod");

        Assert.Equal($"s3://b/{name}/1", await Registry.GetModelVersionDownloadUriAsync(name, 1));
        Assert.Equal($"models:/{name}@prod", copy.Source);
        Assert.Equal($"s3://b/{name}/1", await Registry.GetModelVersionDownloadUriAsync(name, copy.Version));
        await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Registry.CreateModelVersionAsync(name, $"models:/{name}/42"));
    }

    [StoreFact]
    public async Task GetLatestVersions_UnknownStage_InvalidParameterValue_UnknownModel_ResourceDoesNotExist()
    {
        var name = await ModelWithVersionsAsync(2);

        Assert.Equal(2, Assert.Single(await Registry.GetLatestVersionsAsync(name, ["none"])).Version);
        Assert.Empty(await Registry.GetLatestVersionsAsync(name, ["Production"]));
        await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Registry.GetLatestVersionsAsync(name, ["Prod"]));
        await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Registry.GetLatestVersionsAsync("missing-model"));
    }

    private sealed class VersionComparer : IEqualityComparer<ModelVersion>
    {
        public static readonly VersionComparer Instance = new();

        public bool Equals(ModelVersion? x, ModelVersion? y) =>
            x is not null && y is not null && (x with { Tags = y.Tags, Aliases = y.Aliases }) == y
            && x.Tags.OrderBy(t => t.Key).SequenceEqual(y.Tags.OrderBy(t => t.Key)) && x.Aliases.SequenceEqual(y.Aliases);

        public int GetHashCode(ModelVersion obj) => obj.Version.GetHashCode();
    }
}
