using Pipeline.Serving.Hosting;
using Pipeline.Serving.Model;
using Pipeline.Tracking.Composition;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;

namespace Pipeline.Serving.Tests.MlNet;

/// <summary>models:/ and runs:/ URIs resolve through a real SQLite store and its artifact folder.</summary>
public sealed class RegistryModelLoadTests(BreastCancerModelFixture model) : IClassFixture<BreastCancerModelFixture>
{
    private async Task<(string TrackingUri, string RunId)> RegisterAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var trackingUri = $"sqlite:///{Path.Combine(folder, "mlruns.db")}";
        var root = new Uri(Path.Combine(folder, "mlartifacts")).AbsoluteUri;
        await using var backend = TrackingComposition.ForProcess().Open(trackingUri, root);
        var store = backend.Store;
        var experiment = await store.CreateExperimentAsync("serving");
        var run = await store.CreateRunAsync(experiment, "tester", 0, [], "sweep");
        await backend.Artifacts.Open(run.Info.ArtifactUri).LogDirectoryAsync(model.ModelDirectory, "model");
        var registry = backend.Registry;
        await registry.CreateRegisteredModelAsync("breast-cancer");
        var version = await registry.CreateModelVersionAsync("breast-cancer", $"runs:/{run.Info.RunId}/model", run.Info.RunId);
        await registry.SetRegisteredModelAliasAsync("breast-cancer", "champion", version.Version);
        return (trackingUri, run.Info.RunId);
    }

    [Fact]
    public async Task Load_ModelsAliasUri_ServesNameSlashVersionAndRemovesDownload()
    {
        var (trackingUri, _) = await RegisterAsync(Path.Combine(model.Root, "alias"));
        var before = Directory.GetDirectories(Path.GetTempPath(), "pipeline-serve-*").Length;

        await using var server = await Infrastructure.ScoringTestServer.StartAsync(new MlNetScoringModelLoader(),
            new ScoringServerOptions { Port = 0, ModelUri = "models:/breast-cancer@champion", TrackingUri = trackingUri });

        Assert.Equal("breast-cancer/1", await server.Client.GetStringAsync("/version"));
        var (body, _) = BreastCancerRequests.Build(model.Test, [0, 1, 2], "dataframe_split");
        var (status, answer) = await server.ScoreAsync(body);
        Assert.Equal(200, status);
        Assert.Equal(model.Offline.Labels.Take(3), answer.GetProperty("predictions").EnumerateArray().Select(p => p.GetInt64()));
        Assert.True(Directory.GetDirectories(Path.GetTempPath(), "pipeline-serve-*").Length <= before);
    }

    [Fact]
    public async Task Load_RunsUri_LoadsTheRunsModel()
    {
        var (trackingUri, runId) = await RegisterAsync(Path.Combine(model.Root, "runs"));

        using var loaded = (MlNetScoringModel)await new MlNetScoringModelLoader().LoadAsync(
            new ScoringServerOptions { ModelUri = $"runs:/{runId}/model", TrackingUri = trackingUri }, CancellationToken.None);

        Assert.Equal(loaded.Packaged.MlModel.ModelUuid, loaded.Version);
    }

    [Fact]
    public async Task Load_UnknownAlias_FailsNamingIt()
    {
        var (trackingUri, _) = await RegisterAsync(Path.Combine(model.Root, "unknown"));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => new MlNetScoringModelLoader().LoadAsync(
            new ScoringServerOptions { ModelUri = "models:/breast-cancer@staging", TrackingUri = trackingUri }, CancellationToken.None));

        Assert.Contains("staging", error.Message, StringComparison.Ordinal);
    }
}
