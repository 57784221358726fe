using System.Text.RegularExpressions;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Tracking.Tests.Stores;

public abstract partial class TrackingStoreContractTests
{
    [StoreFact]
    public async Task CreateRun_WithoutName_GeneratesNameIdAndArtifactUri()
    {
        var id = await NewExperimentAsync();
        var expectedName = new RandomRunNameGenerator(seed: 7).Next();

        var run = await Store.CreateRunAsync(id, "alice", 1234, [new RunTag("mlflow.source.type", "LOCAL")], null);

        Assert.Matches(new Regex("^[0-9a-f]{32}$"), run.Info.RunId);
        Assert.Equal(expectedName, run.Info.RunName);
        Assert.Matches(new Regex("^[a-z]+-[a-z]+-[0-9]{1,3}$"), run.Info.RunName);
        Assert.Equal(expectedName, run.Data.Tag(SystemTags.RunName));
        Assert.Equal("LOCAL", run.Data.Tag("mlflow.source.type"));
        Assert.Equal($"{ArtifactRoot}/{id}/{run.Info.RunId}/artifacts", run.Info.ArtifactUri);
        Assert.Equal((RunStatus.Running, 1234L, (long?)null, "alice", LifecycleStage.Active),
            (run.Info.Status, run.Info.StartTime, run.Info.EndTime, run.Info.UserId, run.Info.LifecycleStage));
        Assert.Equal(run.Info, (await Store.GetRunAsync(run.Info.RunId)).Info);
    }

    [StoreFact]
    public async Task CreateRun_NameFromTag_IsTheRunName()
    {
        var run = await Store.CreateRunAsync(await NewExperimentAsync(), "alice", 1, [new RunTag(SystemTags.RunName, "from-tag")], null);

        Assert.Equal("from-tag", run.Info.RunName);
    }

    [StoreFact]
    public async Task CreateRun_NameAndDifferentNameTag_InvalidParameterValue()
    {
        var id = await NewExperimentAsync();

        var error = await ThrowsTracking(ErrorCode.InvalidParameterValue,
            () => Store.CreateRunAsync(id, "alice", 1, [new RunTag(SystemTags.RunName, "b")], "a"));
        Assert.Contains("run_name='a'", error.Message);
    }

    [StoreFact]
    public async Task CreateRun_UnknownExperiment_ResourceDoesNotExist() =>
        await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Store.CreateRunAsync("424242", "alice", 1, [], null));

    [StoreFact]
    public async Task GetRun_Unknown_ResourceDoesNotExist()
    {
        var error = await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Store.GetRunAsync("0123456789abcdef0123456789abcdef"));
        Assert.Equal("Run with id=0123456789abcdef0123456789abcdef not found", error.Message);
    }

    [StoreFact]
    public async Task UpdateRunInfo_StatusEndTimeName_StoredAndNameMirroredToTag()
    {
        var run = await NewRunAsync(await NewExperimentAsync());

        var info = await Store.UpdateRunInfoAsync(run.Info.RunId, RunStatus.Finished, 5000, "renamed");

        Assert.Equal((RunStatus.Finished, (long?)5000, "renamed"), (info.Status, info.EndTime, info.RunName));
        Assert.Equal("renamed", (await Store.GetRunAsync(run.Info.RunId)).Data.Tag(SystemTags.RunName));
        var unchanged = await Store.UpdateRunInfoAsync(run.Info.RunId, null, null, null);
        Assert.Equal(info, unchanged);
    }

    [StoreFact]
    public async Task LogBatch_DeletedRun_InvalidParameterValueMustBeActive()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        await Store.DeleteRunAsync(run.Info.RunId);

        var error = await ThrowsTracking(ErrorCode.InvalidParameterValue,
            () => Store.LogMetricAsync(run.Info.RunId, new Metric("m", 1, 1, 0)));
        Assert.Contains("must be in the 'active' state", error.Message);

        await Store.RestoreRunAsync(run.Info.RunId);
        await Store.LogMetricAsync(run.Info.RunId, new Metric("m", 1, 1, 0));
        Assert.Equal(1, (await Store.GetRunAsync(run.Info.RunId)).Data.Metric("m"));
    }

    [StoreFact]
    public async Task LogBatch_FinishedRun_StillAccepted()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        await Store.UpdateRunInfoAsync(run.Info.RunId, RunStatus.Finished, 2, null);

        await Store.SetTagAsync(run.Info.RunId, new RunTag("late", "yes"));

        Assert.Equal("yes", (await Store.GetRunAsync(run.Info.RunId)).Data.Tag("late"));
    }

    [StoreFact]
    public async Task SetTag_RunName_RenamesTheRun()
    {
        var run = await NewRunAsync(await NewExperimentAsync());

        await Store.SetTagAsync(run.Info.RunId, new RunTag(SystemTags.RunName, "via-tag"));

        Assert.Equal("via-tag", (await Store.GetRunAsync(run.Info.RunId)).Info.RunName);
    }

    [StoreFact]
    public async Task DeleteTag_Existing_Removed_Missing_ResourceDoesNotExist()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        await Store.SetTagAsync(run.Info.RunId, new RunTag("k", "v"));

        await Store.DeleteTagAsync(run.Info.RunId, "k");

        Assert.Null((await Store.GetRunAsync(run.Info.RunId)).Data.Tag("k"));
        await ThrowsTracking(ErrorCode.ResourceDoesNotExist, () => Store.DeleteTagAsync(run.Info.RunId, "k"));
    }

    [StoreFact]
    public async Task LogInputs_SameDatasetTwice_StoredOnceWithTags()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        var input = new DatasetInput(new Dataset("iris", "abc123", "local", "{\"uri\": \"x\"}", "{\"mlflow_colspec\": []}", null),
            [new RunTag(SystemTags.DatasetContext, "training")]);

        await Store.LogInputsAsync(run.Info.RunId, [input]);
        await Store.LogInputsAsync(run.Info.RunId, [input]);

        var stored = Assert.Single((await Store.GetRunAsync(run.Info.RunId)).Inputs);
        Assert.Equal(input.Dataset, stored.Dataset);
        Assert.Equal(input.Tags, stored.Tags);
    }

    [StoreFact]
    public async Task LogInputs_DigestTooLong_InvalidParameterValue()
    {
        var run = await NewRunAsync(await NewExperimentAsync());
        var input = new DatasetInput(new Dataset("d", new string('f', 37), "local", "s", null, null), []);

        await ThrowsTracking(ErrorCode.InvalidParameterValue, () => Store.LogInputsAsync(run.Info.RunId, [input]));
    }
}
