using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Tracking.Tests.Registry;

public abstract partial class ModelRegistryContractTests<TStore>
{
    private long NowMs => Clock.GetUtcNow().ToUnixTimeMilliseconds();

    private async Task<Dictionary<long, string>> StagesAsync(string name) =>
        (await Registry.SearchModelVersionsAsync(new ModelVersionQuery($"name = '{name}'"))).Items.ToDictionary(v => v.Version, v => v.CurrentStage);

    [StoreFact]
    public async Task TransitionStage_ToStagingThenProduction_MovesOnlyThatVersion_UpdatesVersionAndModelTimes()
    {
        var name = await ModelWithVersionsAsync(2);
        var created = NowMs;
        Clock.Advance(TimeSpan.FromSeconds(3));

        var staged = await Registry.TransitionModelVersionStageAsync(name, 1, ModelVersionStages.Staging);

        Assert.Equal((1L, "Staging", NowMs), (staged.Version, staged.CurrentStage, staged.LastUpdatedTimestamp));
        Assert.Equal(created, staged.CreationTimestamp);
        var read = await Registry.GetModelVersionAsync(name, 1);
        Assert.Equal(("Staging", NowMs), (read.CurrentStage, read.LastUpdatedTimestamp));
        var untouched = await Registry.GetModelVersionAsync(name, 2);
        Assert.Equal(("None", created), (untouched.CurrentStage, untouched.LastUpdatedTimestamp));
        Assert.Equal(NowMs, (await Registry.GetRegisteredModelAsync(name)).LastUpdatedTimestamp);

        Clock.Advance(TimeSpan.FromSeconds(1));
        var production = await Registry.TransitionModelVersionStageAsync(name, 1, ModelVersionStages.Production);

        Assert.Equal(("Production", NowMs), (production.CurrentStage, production.LastUpdatedTimestamp));
        Assert.Equal(new Dictionary<long, string> { [1] = "Production", [2] = "None" }, await StagesAsync(name));
    }

    [StoreFact]
    public async Task TransitionStage_InputIgnoresCase_StoresCanonicalSpelling()
    {
        var name = await ModelWithVersionsAsync(1);

        foreach (var (input, expected) in new[] { ("STAGING", "Staging"), ("staging", "Staging"), ("StAgInG", "Staging"), ("pRoDuCtIoN", "Production"),
                     ("archived", "Archived"), ("NONE", "None") })
        {
            Assert.Equal(expected, (await Registry.TransitionModelVersionStageAsync(name, 1, input)).CurrentStage);
            Assert.Equal(expected, (await Registry.GetModelVersionAsync(name, 1)).CurrentStage);
        }
    }

    [StoreFact]
    public async Task TransitionStage_ArchiveExisting_ArchivesOnlyOtherVersionsInTheTargetStage_WithTheSameTime()
    {
        var name = await ModelWithVersionsAsync(4);
        await Registry.TransitionModelVersionStageAsync(name, 1, "Staging");
        await Registry.TransitionModelVersionStageAsync(name, 2, "Production");
        await Registry.TransitionModelVersionStageAsync(name, 3, "Staging");
        var before = NowMs;
        Clock.Advance(TimeSpan.FromSeconds(7));

        var moved = await Registry.TransitionModelVersionStageAsync(name, 4, "staging", archiveExistingVersions: true);

        Assert.Equal("Staging", moved.CurrentStage);
        Assert.Equal(new Dictionary<long, string> { [1] = "Archived", [2] = "Production", [3] = "Archived", [4] = "Staging" }, await StagesAsync(name));
        Assert.Equal(NowMs, (await Registry.GetModelVersionAsync(name, 1)).LastUpdatedTimestamp);
        Assert.Equal(NowMs, (await Registry.GetModelVersionAsync(name, 3)).LastUpdatedTimestamp);
        Assert.Equal(before, (await Registry.GetModelVersionAsync(name, 2)).LastUpdatedTimestamp);

        // Archiving leaves the moved version itself alone when it already was in the target stage.
        await Registry.TransitionModelVersionStageAsync(name, 2, "Production", archiveExistingVersions: true);
        await Registry.TransitionModelVersionStageAsync(name, 4, "Production", archiveExistingVersions: true);
        Assert.Equal(new Dictionary<long, string> { [1] = "Archived", [2] = "Archived", [3] = "Archived", [4] = "Production" }, await StagesAsync(name));
    }

    [StoreFact]
    public async Task TransitionStage_WithoutArchive_SeveralVersionsShareAStage()
    {
        var name = await ModelWithVersionsAsync(3);

        foreach (var stage in new[] { "Archived", "None" })
        {
            await Registry.TransitionModelVersionStageAsync(name, 1, stage);
        }

        await Registry.TransitionModelVersionStageAsync(name, 1, "Staging");
        await Registry.TransitionModelVersionStageAsync(name, 2, "Production");
        await Registry.TransitionModelVersionStageAsync(name, 3, "Staging");

        Assert.Equal(new Dictionary<long, string> { [1] = "Staging", [2] = "Production", [3] = "Staging" }, await StagesAsync(name));
    }

    [StoreFact]
    public async Task TransitionStage_UnknownStage_InvalidParameterValue_NothingChanges()
    {
        var name = await ModelWithVersionsAsync(1);

        var error = await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Registry.TransitionModelVersionStageAsync(name, 1, "Prod"));
        Assert.Equal("Invalid Model Version stage: Prod. Value must be one of None, Staging, Production, Archived.", error.Message);
        await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Registry.TransitionModelVersionStageAsync(name, 1, ""));
        await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Registry.TransitionModelVersionStageAsync(name, 1, "Deleted_Internal"));
        Assert.Equal("None", (await Registry.GetModelVersionAsync(name, 1)).CurrentStage);
    }

    [StoreFact]
    public async Task TransitionStage_ArchiveExistingIntoNoneOrArchived_InvalidParameterValue_NothingChanges()
    {
        var name = await ModelWithVersionsAsync(2);
        await Registry.TransitionModelVersionStageAsync(name, 1, "Production");

        foreach (var stage in new[] { "None", "archived" })
        {
            var error = await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Registry.TransitionModelVersionStageAsync(name, 2, stage, archiveExistingVersions: true));
            Assert.Equal($"Model version transition cannot archive existing model versions because '{stage}' is not an Active stage. " +
                "Valid stages are ['Staging', 'Production']", error.Message);
        }

        Assert.Equal(new Dictionary<long, string> { [1] = "Production", [2] = "None" }, await StagesAsync(name));
    }

    [StoreFact]
    public async Task TransitionStage_UnknownModelUnknownOrDeletedVersion_ResourceDoesNotExist_NothingArchived()
    {
        var name = await ModelWithVersionsAsync(2);
        await Registry.TransitionModelVersionStageAsync(name, 1, "Staging");
        await Registry.DeleteModelVersionAsync(name, 2);
        var modelUpdated = (await Registry.GetRegisteredModelAsync(name)).LastUpdatedTimestamp;
        Clock.Advance(TimeSpan.FromSeconds(1));

        var unknown = await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Registry.TransitionModelVersionStageAsync(name, 9, "Staging", archiveExistingVersions: true));
        var deleted = await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Registry.TransitionModelVersionStageAsync(name, 2, "Staging", archiveExistingVersions: true));
        var noModel = await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Registry.TransitionModelVersionStageAsync("ghost-model", 1, "Staging"));

        Assert.Equal($"Model Version (name={name}, version=9) not found", unknown.Message);
        Assert.Equal($"Model Version (name={name}, version=2) not found", deleted.Message);
        Assert.Equal("Model Version (name=ghost-model, version=1) not found", noModel.Message);
        Assert.Equal(new Dictionary<long, string> { [1] = "Staging" }, await StagesAsync(name));
        Assert.Equal(modelUpdated, (await Registry.GetRegisteredModelAsync(name)).LastUpdatedTimestamp);
        await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Registry.GetModelVersionAsync(name, 2));
        Assert.Equal(3, (await Registry.CreateModelVersionAsync(name, "s3://b/3")).Version);
    }

    [StoreFact]
    public async Task GetLatestVersions_AfterTransitions_NewestLiveVersionPerStage_AndStageUrisResolve()
    {
        var name = await ModelWithVersionsAsync(6);
        foreach (var (version, stage) in new[] { (1L, "Production"), (2L, "Staging"), (3L, "Production"), (4L, "Archived"), (5L, "Production") })
        {
            await Registry.TransitionModelVersionStageAsync(name, version, stage);
        }

        await Registry.DeleteModelVersionAsync(name, 5);

        static Dictionary<string, long> ByStage(IEnumerable<ModelVersion> versions) => versions.ToDictionary(v => v.CurrentStage, v => v.Version);
        var all = new Dictionary<string, long> { ["None"] = 6, ["Staging"] = 2, ["Production"] = 3, ["Archived"] = 4 };
        Assert.Equal(all, ByStage(await Registry.GetLatestVersionsAsync(name)));
        Assert.Equal(all, ByStage((await Registry.GetRegisteredModelAsync(name)).LatestVersions));
        Assert.Equal(3, Assert.Single(await Registry.GetLatestVersionsAsync(name, ["production"])).Version);
        Assert.Equal(new Dictionary<string, long> { ["None"] = 6, ["Staging"] = 2 }, ByStage(await Registry.GetLatestVersionsAsync(name, ["Staging", "NONE"])));

        var resolver = new ModelUriResolver(Registry, Store);
        Assert.Equal(3, (await resolver.FindVersionAsync(ModelUri.Parse($"models:/{name}/Production"))).Version);
        Assert.Equal(2, (await resolver.FindVersionAsync(ModelUri.Parse($"models:/{name}/Staging"))).Version);
    }

    [StoreFact]
    public async Task SearchModelVersions_AfterTransition_ShowsStageAndOrdersByTheNewTime_CurrentStageIsNoFilterKey()
    {
        var name = await ModelWithVersionsAsync(3);
        Clock.Advance(TimeSpan.FromSeconds(2));
        await Registry.TransitionModelVersionStageAsync(name, 1, "Production");

        var page = await Registry.SearchModelVersionsAsync(new ModelVersionQuery($"name = '{name}'"));

        Assert.Equal([(1L, "Production"), (3L, "None"), (2L, "None")], page.Items.Select(v => (v.Version, v.CurrentStage)));
        // As in MLflow, model-version search has no current_stage attribute.
        var error = await ThrowsTracking(ErrorCode.InvalidParameterValue,
            () => Registry.SearchModelVersionsAsync(new ModelVersionQuery($"name = '{name}' AND current_stage = 'Production'")));
        Assert.Contains("Invalid attribute key 'current_stage' specified.", error.Message);
    }
}
