using System.Text;
using Pipeline.Serving.Hosting;
using Pipeline.Serving.PredictionLog;
using Pipeline.Serving.Tests.Infrastructure;
using Pipeline.Serving.Tests.TestModels;
using Pipeline.Tracking.Composition;
using Pipeline.Tracking.Entities;

namespace Pipeline.Serving.Tests.PredictionLog;

/// <summary><c>--log-predictions tracking</c> against a real SQLite store and its artifact folder.</summary>
public sealed class TrackingSinkTests : IDisposable
{
    private readonly string _folder = PredictionLogFiles.NewFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RealTraffic_StopClosesThePeriod_AsOneFinishedInferenceRunWithTheLinesAsArtifact()
    {
        Directory.CreateDirectory(_folder);
        var trackingUri = $"sqlite:///{Path.Combine(_folder, "mlruns.db")}";
        var artifactRoot = new Uri(Path.Combine(_folder, "mlartifacts")).AbsoluteUri;
        var server = await ScoringTestServer.StartAsync(
            new TestModelLoader(new SumThresholdTestModel(SumThresholdTestModel.DefaultSchema, version: "churn/2")),
            new ScoringServerOptions
            {
                Port = 0,
                TrackingUri = trackingUri,
                PredictionLog = new PredictionLogOptions { Target = "tracking", PeriodSeconds = 3600, Experiment = "churn-inference", ArtifactRoot = artifactRoot },
            });
        for (var i = 0; i < 10; i++)
            (await server.PostJsonAsync($$$"""{"inputs": {"x": [{{{i}}}, 1, 2], "n": [1, 1, 1]}}""")).Dispose();
        (await server.PostJsonAsync("""{"inputs": {"x": [1]}}""")).Dispose();
        await server.DisposeAsync();

        await using var backend = TrackingComposition.ForProcess().Open(trackingUri, artifactRoot);
        var experiment = await backend.Store.GetExperimentByNameAsync("churn-inference");
        Assert.NotNull(experiment);
        var runs = (await backend.Store.SearchRunsAsync(new Pipeline.Tracking.Stores.RunQuery([experiment.ExperimentId]))).Items;
        var run = Assert.Single(runs);
        Assert.Equal(RunStatus.Finished, run.Info.Status);
        Assert.Equal("inference", run.Data.Tags.Single(t => t.Key == "pipeline.role").Value);
        Assert.Equal(31, run.Data.Metrics.Single(m => m.Key == "rows").Value);
        Assert.Equal(11, run.Data.Metrics.Single(m => m.Key == "requests").Value);
        Assert.Equal(1, run.Data.Metrics.Single(m => m.Key == "error_requests").Value);
        await using var artifact = await backend.Artifacts.Open(run.Info.ArtifactUri).OpenReadAsync(TrackingPredictionSink.ArtifactPath);
        var lines = (await new StreamReader(artifact, Encoding.UTF8).ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(31, lines.Length);
        Assert.Contains("\"model\":\"churn\"", lines[0], StringComparison.Ordinal);
    }
}
