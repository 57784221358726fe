using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Stores.Sql;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Tracking.Tests.Registry;

/// <summary>
/// The model registry contract, run against every store implementing both contracts (the SQL stores here, the REST store in
/// Pipeline.Server.Tests). Tests use uniquely named models
/// so that they can share one database per class.
/// </summary>
public abstract partial class ModelRegistryContractTests<TStore> : IAsyncLifetime
    where TStore : class, ITrackingStore
{
    protected const string ArtifactRoot = "/artifacts/root";

    protected ManualClock Clock { get; } = new(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));

    protected TStore Store { get; private set; } = null!;

    /// <summary>The registry beside <see cref="Store"/>.</summary>
    protected IModelRegistry Registry { get; private set; } = null!;

    /// <summary>A store on this class's database; a second call opens another store on the same database.</summary>
    protected abstract TStore OpenStore(TimeProvider clock);

    /// <summary>The model registry of <paramref name="store"/>'s database or server.</summary>
    protected abstract IModelRegistry RegistryOf(TStore store);

    public virtual Task InitializeAsync()
    {
        Store = OpenStore(Clock);
        Registry = RegistryOf(Store);
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync() => await Store.DisposeAsync();

    protected static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    protected static async Task<TrackingException> ThrowsTracking(ErrorCode code, Func<Task> action)
    {
        var error = await Assert.ThrowsAnyAsync<TrackingException>(action);
        Assert.Equal(code, error.Code);
        return error;
    }

    /// <summary>A new model with <paramref name="versions"/> versions whose sources are <c>s3://b/{name}/{n}</c>.</summary>
    protected async Task<string> ModelWithVersionsAsync(int versions, string prefix = "model")
    {
        var name = Unique(prefix);
        await Registry.CreateRegisteredModelAsync(name);
        for (var i = 1; i <= versions; i++)
        {
            await Registry.CreateModelVersionAsync(name, $"s3://b/{name}/{i}");
        }

        return name;
    }

    [StoreFact]
    public async Task CreateRegisteredModel_WithTagsAndDescription_GetReturnsThem()
    {
        var name = Unique("model");

        var created = await Registry.CreateRegisteredModelAsync(name, [new RegistryTag("team", "ml")], "first");

        var model = await Registry.GetRegisteredModelAsync(name);
        Assert.Equal(name, model.Name);
        Assert.Equal("first", model.Description);
        Assert.Equal("ml", model.Tags["team"]);
        Assert.Equal(Clock.GetUtcNow().ToUnixTimeMilliseconds(), model.CreationTimestamp);
        Assert.Equal(model.CreationTimestamp, model.LastUpdatedTimestamp);
        Assert.Empty(model.LatestVersions);
        Assert.Equal(created.Tags, model.Tags);
    }

    [StoreFact]
    public async Task CreateRegisteredModel_DuplicateName_ResourceAlreadyExists()
    {
        var name = Unique("model");
        await Registry.CreateRegisteredModelAsync(name);

        var error = await ThrowsTracking(ErrorCode.ResourceAlreadyExists, () => Registry.CreateRegisteredModelAsync(name));
        Assert.Equal($"Registered Model (name={name}) already exists.", error.Message);
    }

    [StoreFact]
    public async Task CreateRegisteredModel_EmptyName_InvalidParameterValue()
    {
        var error = await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Registry.CreateRegisteredModelAsync(""));
        // Over MLflow's REST API the handler's schema answers first and adds " See the API docs ...".
        Assert.StartsWith("Missing value for required parameter 'name'.", error.Message);
    }

    [StoreFact]
    public async Task GetRegisteredModel_Unknown_ResourceDoesNotExist()
    {
        var error = await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Registry.GetRegisteredModelAsync("nope-model"));
        Assert.Equal("Registered Model with name=nope-model not found", error.Message);
    }

    [StoreFact]
    public async Task UpdateRegisteredModel_SetsDescriptionAndLastUpdated()
    {
        var name = Unique("model");
        await Registry.CreateRegisteredModelAsync(name);
        Clock.Advance(TimeSpan.FromSeconds(5));

        var updated = await Registry.UpdateRegisteredModelAsync(name, "better");

        Assert.Equal("better", updated.Description);
        Assert.Equal(Clock.GetUtcNow().ToUnixTimeMilliseconds(), updated.LastUpdatedTimestamp);
        Assert.True(updated.LastUpdatedTimestamp > updated.CreationTimestamp);
    }

    [StoreFact]
    public async Task RenameRegisteredModel_VersionsTagsAndAliasesFollow()
    {
        var name = await ModelWithVersionsAsync(2);
        await Registry.SetRegisteredModelTagAsync(name, new RegistryTag("k", "v"));
        await Registry.SetModelVersionTagAsync(name, 2, new RegistryTag("stage", "good"));
        await Registry.SetRegisteredModelAliasAsync(name, "champion", 2);
        var newName = Unique("renamed");

        var renamed = await Registry.RenameRegisteredModelAsync(name, newName);

        Assert.Equal(newName, renamed.Name);
        Assert.Equal("v", renamed.Tags["k"]);
        var champion = await Registry.GetModelVersionByAliasAsync(newName, "champion");
        Assert.Equal((newName, 2L, "good"), (champion.Name, champion.Version, champion.Tags["stage"]));
        await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Registry.GetRegisteredModelAsync(name));
        Assert.Equal(3, (await Registry.CreateModelVersionAsync(newName, "s3://b/3")).Version);
    }

    [StoreFact]
    public async Task RenameRegisteredModel_ToTakenName_ResourceAlreadyExists()
    {
        var taken = await ModelWithVersionsAsync(0);
        var name = await ModelWithVersionsAsync(1);

        await ThrowsTracking(ErrorCode.ResourceAlreadyExists, () => Registry.RenameRegisteredModelAsync(name, taken));
        var error = await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Registry.RenameRegisteredModelAsync(name, ""));
        // Over MLflow's REST API the handler's schema answers first and adds " See the API docs ...".
        Assert.StartsWith("Missing value for required parameter 'new_name'.", error.Message);
    }

    [StoreFact]
    public async Task DeleteRegisteredModel_RemovesVersionsTagsAliases_NameCanBeReused()
    {
        var name = await ModelWithVersionsAsync(2);
        await Registry.SetRegisteredModelTagAsync(name, new RegistryTag("k", "v"));
        await Registry.SetModelVersionTagAsync(name, 1, new RegistryTag("t", "1"));
        await Registry.SetRegisteredModelAliasAsync(name, "champion", 1);

        await Registry.DeleteRegisteredModelAsync(name);

        await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Registry.GetRegisteredModelAsync(name));
        await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Registry.GetModelVersionAsync(name, 1));
        Assert.Empty((await Registry.SearchModelVersionsAsync(new ModelVersionQuery($"name = '{name}'"))).Items);
        await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Registry.DeleteRegisteredModelAsync(name));
        var again = await Registry.CreateRegisteredModelAsync(name);
        Assert.Empty(again.Tags);
        Assert.Empty(again.Aliases);
        Assert.Equal(1, (await Registry.CreateModelVersionAsync(name, "s3://new")).Version);
        Assert.Empty((await Registry.GetModelVersionAsync(name, 1)).Tags);
    }

    [StoreFact]
    public async Task RegisteredModelTags_SetOverwrites_DeleteRemoves_UnknownModelFails()
    {
        var name = await ModelWithVersionsAsync(0);

        await Registry.SetRegisteredModelTagAsync(name, new RegistryTag("k", "1"));
        await Registry.SetRegisteredModelTagAsync(name, new RegistryTag("k", "2"));
        Assert.Equal("2", (await Registry.GetRegisteredModelAsync(name)).Tags["k"]);

        await Registry.DeleteRegisteredModelTagAsync(name, "k");
        await Registry.DeleteRegisteredModelTagAsync(name, "k");
        Assert.Empty((await Registry.GetRegisteredModelAsync(name)).Tags);
        await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Registry.SetRegisteredModelTagAsync("missing-model", new RegistryTag("k", "v")));
        await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Registry.SetRegisteredModelTagAsync(name, new RegistryTag("../k", "v")));
        await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Registry.SetRegisteredModelTagAsync(name, new RegistryTag("k", new string('x', 5001))));
    }
}
