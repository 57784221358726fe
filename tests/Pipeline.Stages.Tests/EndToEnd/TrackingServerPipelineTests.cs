using Pipeline.Server.Hosting;
using Pipeline.Stages.Running;
using Pipeline.Tracking.Metadata;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Tests.EndToEnd;

/// <summary>The whole training workflow logging to our tracking server over MLflow's REST API, artifacts through its proxy.</summary>
public class TrackingServerPipelineTests
{
    [Fact]
    public async Task PrepareThroughPackage_AgainstTrackingServer_RegistersAModelServedByTheProxy()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer");
        await using var server = await TrackingServerHost.StartAsync(new TrackingServerOptions
        {
            BackendStoreUri = "sqlite:///" + Path.Combine(workspace.Root, "server.db"),
            ArtifactsDestination = Path.Combine(workspace.Root, "server-artifacts"),
            Port = 0,
            LogRequests = false,
        });
        workspace.Environment = new DictionaryEnvironmentVariables(new Dictionary<string, string> { ["MLFLOW_TRACKING_URI"] = server.BaseUri.ToString() });

        var result = await workspace.RunThroughAsync(StageName.Package);

        Assert.Equal(StageOutcome.Succeeded, result.Outcome);
        await using var store = TrackingStoreRegistry.CreateDefault().Open(server.BaseUri.ToString(), "unused");
        var version = await ((IModelRegistry)store).GetModelVersionByAliasAsync("breast-cancer-classifier", "champion");
        Assert.Equal(1, version.Version);
        var experiment = (await store.GetExperimentByNameAsync("breast-cancer"))!;
        Assert.StartsWith("mlflow-artifacts:/", experiment.ArtifactLocation);
        Assert.True(File.Exists(Path.Combine(workspace.Root, "server-artifacts", experiment.ExperimentId, version.RunId!, "artifacts", "model", "MLmodel")),
            "the model directory was uploaded through the artifact proxy");
        Assert.False(File.Exists(workspace.DatabasePath), "nothing was written to the local store");
    }
}
