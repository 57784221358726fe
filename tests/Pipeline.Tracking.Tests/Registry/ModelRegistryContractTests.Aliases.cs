using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Tracking.Tests.Registry;

public abstract partial class ModelRegistryContractTests<TStore>
{
    [StoreFact]
    public async Task SetAlias_ThenMoveIt_PointsAtOneVersionOnly()
    {
        var name = await ModelWithVersionsAsync(2);

        await Registry.SetRegisteredModelAliasAsync(name, "champion", 1);
        Assert.Equal(1, (await Registry.GetModelVersionByAliasAsync(name, "champion")).Version);
        await Registry.SetRegisteredModelAliasAsync(name, "champion", 2);

        var champion = await Registry.GetModelVersionByAliasAsync(name, "champion");
        Assert.Equal(2, champion.Version);
        Assert.Equal(["champion"], champion.Aliases);
        Assert.Empty((await Registry.GetModelVersionAsync(name, 1)).Aliases);
        Assert.Equal([new RegisteredModelAlias("champion", 2)], (await Registry.GetRegisteredModelAsync(name)).Aliases);
    }

    [StoreFact]
    public async Task SetAlias_TwoAliasesOnOneVersion_BothListed_DeleteOneKeepsOther()
    {
        var name = await ModelWithVersionsAsync(1);
        await Registry.SetRegisteredModelAliasAsync(name, "champion", 1);
        await Registry.SetRegisteredModelAliasAsync(name, "blue-green_2", 1);

        Assert.Equal(["blue-green_2", "champion"], (await Registry.GetModelVersionAsync(name, 1)).Aliases.Order(StringComparer.Ordinal));
        await Registry.DeleteRegisteredModelAliasAsync(name, "champion");
        await Registry.DeleteRegisteredModelAliasAsync(name, "champion");

        var error = await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Registry.GetModelVersionByAliasAsync(name, "champion"));
        Assert.Equal("Registered model alias champion not found.", error.Message);
        Assert.Equal(1, (await Registry.GetModelVersionByAliasAsync(name, "blue-green_2")).Version);
    }

    [StoreFact]
    public async Task SetAlias_UnknownVersionOrModel_ResourceDoesNotExist()
    {
        var name = await ModelWithVersionsAsync(1);

        await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Registry.SetRegisteredModelAliasAsync(name, "champion", 5));
        await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Registry.SetRegisteredModelAliasAsync("missing-model", "champion", 1));
        await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Registry.DeleteRegisteredModelAliasAsync("missing-model", "champion"));
    }

    [StoreFact]
    public async Task SetAlias_ReservedName_RejectedBeforeTouchingTheStore()
    {
        var name = await ModelWithVersionsAsync(1);

        await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Registry.SetRegisteredModelAliasAsync(name, "latest", 1));
        await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Registry.SetRegisteredModelAliasAsync(name, "v1", 1));
        Assert.Empty((await Registry.GetRegisteredModelAsync(name)).Aliases);
    }
}
