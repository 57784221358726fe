using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Ml.Data;
using Pipeline.Ml.Models;
using Pipeline.Ml.Profiling;
using Pipeline.Stages.Monitoring;
using Pipeline.Stages.Running;
using Pipeline.Stages.Stages;
using Pipeline.Stages.Tests.EndToEnd;
using Pipeline.Tracking.Composition;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Metadata;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Tests.Monitoring;

/// <summary>
/// The Package stage's training profile, and a drift check against the registered version (<c>models:/NAME@champion</c>)
/// reading inference runs from the tracking store, as <c>--log-predictions tracking</c> leaves them.
/// </summary>
public class DriftMonitorTests
{
    [Fact]
    public async Task PackagedVersion_LoggedTestSplitWithOneShiftedFeature_FlagsItAndRecordsAMonitoringRun()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer");
        Assert.Equal(StageOutcome.Succeeded, (await workspace.RunThroughAsync(StageName.Package)).Outcome);
        var model = Directory.GetFiles(Path.Combine(workspace.Root, "mlartifacts"), TrainingProfile.FileName, SearchOption.AllDirectories).Single();
        var modelDirectory = Path.GetDirectoryName(model)!;
        Assert.Empty(ModelDirectoryVerifier.Verify(modelDirectory));
        Assert.Contains(ModelManifest.FromJson(File.ReadAllText(Path.Combine(modelDirectory, ModelManifest.FileName)), "manifest").Files,
            f => f.Path == TrainingProfile.FileName);
        var profile = TrainingProfile.Read(modelDirectory);
        Assert.Equal(455, profile.Rows);
        Assert.Equal(455, profile.Predictions!.Classes!.Sum(c => c.Count));

        var composition = TrackingComposition.CreateDefault(new DictionaryEnvironmentVariables());
        await using var backend = composition.Open(composition.Locate(workspace.TrackingUri, artifactRoot: Path.Combine(workspace.Root, "mlartifacts")));
        var test = new CsvDataLoader(new CsvLoadOptions { LabelColumn = "target", Task = TaskKind.Binary })
            .Load(Directory.GetFiles(Path.Combine(workspace.Root, "mlartifacts"), "test.csv", SearchOption.AllDirectories).Single());
        var std = profile.Features.Single(f => f.Name == "worst_radius").Std;
        await LogInferenceRunAsync(backend, test, "worst_radius", 3 * std);

        var check = new DriftCheck("models:/breast-cancer-classifier@champion", DriftCheck.TrackingLog, LogWindow.All,
            [Condition("psi > 0.2")], Path.Combine(workspace.Root, "drift"));
        var outcome = await new DriftMonitor(TimeProvider.System, new DictionaryEnvironmentVariables()).RunAsync(check, backend);

        Assert.Equal("1", outcome.Report.Model.Version);
        Assert.Equal(test.RowCount, outcome.Report.Analysis.Rows);
        Assert.Equal(["worst_radius"], outcome.Report.Drifted.Select(f => f.Name));
        Assert.False(outcome.Report.Passed);
        Assert.NotNull(outcome.Report.Analysis.Predictions);
        var run = await backend.Store.GetRunAsync(outcome.RunId!);
        Assert.Equal("monitoring", run.Data.Tag(PipelineTags.Role));
        Assert.Equal("failed", run.Data.Tag(MonitoringRunRecorder.VerdictTag));
        Assert.Equal("1", run.Data.Tag("pipeline.model_version"));
        Assert.True(run.Data.Metric("psi.worst_radius") > 0.2);
        Assert.Equal(2, (await backend.Artifacts.Open(run.Info.ArtifactUri).ListAsync("drift")).Count);
    }

    private static DriftCondition Condition(string text) =>
        DriftCondition.TryParse(text, out var condition, out var error) ? condition! : throw new InvalidOperationException(error);

    // One inference run as the scoring server's tracking sink publishes it: FINISHED, tagged, its lines as an artifact.
    private static async Task LogInferenceRunAsync(TrackingBackend backend, DataTable test, string feature, double shift)
    {
        var experiment = await backend.Store.CreateExperimentAsync("inference");
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        var run = await backend.Store.CreateRunAsync(experiment, "pipeline-serve", start.ToUnixTimeMilliseconds(), [new RunTag(PipelineTags.Role, "inference")], "inference-1");
        var lines = new StringBuilder();
        var index = test.FeatureNames.ToList().IndexOf(feature);
        for (var r = 0; r < test.RowCount; r++)
        {
            var inputs = test.FeatureNames.Select((n, c) => (n, v: c == index ? test.Row(r)[c] + shift : test.Row(r)[c])).ToDictionary(p => p.n, p => p.v);
            lines.AppendLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["request_id"] = $"r{r}", ["row"] = 0, ["time"] = start.AddSeconds(r).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                ["model"] = "breast-cancer-classifier", ["model_version"] = "1", ["inputs"] = inputs, ["prediction"] = (long)test.Label(r),
                ["latency_ms"] = 1.0, ["status"] = 200,
            }));
        }

        using var content = new MemoryStream(Encoding.UTF8.GetBytes(lines.ToString()));
        await backend.Artifacts.Open(run.Info.ArtifactUri).WriteAsync(PredictionLogReader.InferenceArtifact, content);
        await backend.Store.UpdateRunInfoAsync(run.Info.RunId, RunStatus.Finished, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), null);
    }
}
