using System.Text.Json;
using Pipeline.Ml.Packaging;
using Pipeline.Serving.Hosting;
using Pipeline.Serving.Model;
using Pipeline.Server.Hosting;
using Pipeline.Stages.Running;
using Pipeline.Stages.Spec;
using Pipeline.Tracking.Composition;
using Pipeline.Tracking.Metadata;

namespace Pipeline.Stages.Tests.EndToEnd;

/// <summary>
/// The pipeline against our own tracking server with proxied artifacts (<c>mlflow-artifacts:</c> locations), the model
/// then read back by every front end from <c>MLFLOW_TRACKING_URI</c> alone: the stages' context (Cake, MSBuild and
/// the CLI run stages through it), the scoring server's model loader, and the tracking server's own endpoints.
/// </summary>
public class TrackingServerPipelineTests
{
    private const string Model = "breast-cancer-classifier";

    [Fact]
    public async Task PrepareThroughPackage_AgainstTrackingServer_ModelLoadsThroughEveryFrontEnd()
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
        await using var backend = TrackingComposition.CreateDefault(workspace.Environment).Open(workspace.Environment.Get("MLFLOW_TRACKING_URI")!, "unused");
        var version = await backend.Registry.GetModelVersionByAliasAsync(Model, "champion");
        Assert.Equal(1, version.Version);
        var experiment = (await backend.Store.GetExperimentByNameAsync("breast-cancer"))!;
        Assert.StartsWith("mlflow-artifacts:/", experiment.ArtifactLocation);
        Assert.True(File.Exists(Path.Combine(workspace.Root, "server-artifacts", experiment.ExperimentId, version.RunId!, "artifacts", "model", "MLmodel")),
            "the model directory was uploaded through the artifact proxy");
        Assert.False(File.Exists(workspace.DatabasePath), "nothing was written to the local store");

        await StagesReadTheModelAsync(workspace, version.RunId!);
        await ScoringServerLoadsTheModelAsync(workspace);
        await TrackingServerListsAndServesTheModelAsync(server, version.RunId!);
    }

    // DockerServe and SmokeTest read the model through their stage context's artifact repositories.
    private static async Task StagesReadTheModelAsync(PipelineWorkspace workspace, string runId)
    {
        await using var context = StageContext.Open(new StageOptions(workspace.PipelinePath), new RecordingReporter(), TimeProvider.System, workspace.Environment, null);
        var download = Path.Combine(workspace.Root, "stage-download");
        Directory.CreateDirectory(download);
        var uri = await context.Registry.GetModelVersionDownloadUriAsync(Model, 1);

        var directory = await context.Artifacts.Open(uri).DownloadAsync("", download);

        Assert.StartsWith("mlflow-artifacts:/", uri);
        Assert.Equal(runId, PackagedModel.Load(directory).MlModel.RunId);
    }

    // The reproduction: MLFLOW_TRACKING_URI names the server, and models:/name@alias is all that is given.
    private static async Task ScoringServerLoadsTheModelAsync(PipelineWorkspace workspace)
    {
        var loader = new MlNetScoringModelLoader(TrackingComposition.CreateDefault(workspace.Environment));

        using var model = (MlNetScoringModel)await loader.LoadAsync(new ScoringServerOptions { ModelUri = $"models:/{Model}@champion", EnginePoolSize = 1 }, CancellationToken.None);

        Assert.Equal($"{Model}/1", model.Version);
    }

    private static async Task TrackingServerListsAndServesTheModelAsync(TrackingServerHost server, string runId)
    {
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        using var listing = JsonDocument.Parse(await http.GetStringAsync($"api/2.0/mlflow/artifacts/list?run_id={runId}&path=model"));
        var files = listing.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()).ToList();
        Assert.Contains("model/MLmodel", files);

        // A version whose source is a models:/ URI is resolved by the server to the proxied location.
        using var created = await http.PostAsync("api/2.0/mlflow/model-versions/create",
            new StringContent($$"""{"name": "{{Model}}", "source": "models:/{{Model}}/1"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        using var uri = JsonDocument.Parse(await http.GetStringAsync($"api/2.0/mlflow/model-versions/get-download-uri?name={Model}&version=2"));
        Assert.StartsWith("mlflow-artifacts:/", uri.RootElement.GetProperty("artifact_uri").GetString());
    }
}
