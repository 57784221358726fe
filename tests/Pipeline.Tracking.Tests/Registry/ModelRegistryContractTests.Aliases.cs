using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Tracking.Tests.Registry;

public abstract partial class ModelRegistryContractTests<TStore>
{
    [StoreFact]
    public async Task SetAlias_ThenMoveIt_PointsAtOneVersionOnly()
    {
        var name = await ModelWithVersionsAsync(2);

        await Store.SetRegisteredModelAliasAsync(name, "champion", 1);
        Assert.Equal(1, (await Store.GetModelVersionByAliasAsync(name, "champion")).Version);
        await Store.SetRegisteredModelAliasAsync(name, "champion", 2);

        var champion = await Store.GetModelVersionByAliasAsync(name, "champion");
        Assert.Equal(2, champion.Version);
        Assert.Equal(["champion"], champion.Aliases);
        Assert.Empty((await Store.GetModelVersionAsync(name, 1)).Aliases);
        Assert.Equal([new RegisteredModelAlias("champion", 2)], (await Store.GetRegisteredModelAsync(name)).Aliases);
    }

    [StoreFact]
    public async Task SetAlias_TwoAliasesOnOneVersion_BothListed_DeleteOneKeepsOther()
    {
        var name = await ModelWithVersionsAsync(1);
        await Store.SetRegisteredModelAliasAsync(name, "champion", 1);
        await Store.SetRegisteredModelAliasAsync(name, "blue-green_2", 1);

        Assert.Equal(["blue-green_2", "champion"], (await Store.GetModelVersionAsync(name, 1)).Aliases.Order(StringComparer.Ordinal));
        await Store.DeleteRegisteredModelAliasAsync(name, "champion");
        await Store.DeleteRegisteredModelAliasAsync(name, "champion");

        var error = await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Store.GetModelVersionByAliasAsync(name, "champion"));
        Assert.Equal("Registered model alias champion not found.", error.Message);
        Assert.Equal(1, (await Store.GetModelVersionByAliasAsync(name, "blue-green_2")).Version);
    }

    [StoreFact]
    public async Task SetAlias_UnknownVersionOrModel_ResourceDoesNotExist()
    {
        var name = await ModelWithVersionsAsync(1);

        await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Store.SetRegisteredModelAliasAsync(name, "champion", 5));
        await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Store.SetRegisteredModelAliasAsync("missing-model", "champion", 1));
        await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Store.DeleteRegisteredModelAliasAsync("missing-model", "champion"));
    }

    [StoreFact]
    public async Task SetAlias_ReservedName_RejectedBeforeTouchingTheStore()
    {
        var name = await ModelWithVersionsAsync(1);

        await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Store.SetRegisteredModelAliasAsync(name, "latest", 1));
        await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Store.SetRegisteredModelAliasAsync(name, "v1", 1));
        Assert.Empty((await Store.GetRegisteredModelAsync(name)).Aliases);
    }
}
