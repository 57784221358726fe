using Pipeline.Ml.Packaging;
using Pipeline.Stages.Running;
using Pipeline.Stages.Stages;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Tests.EndToEnd;

/// <summary>The reference pipeline, prepare data through package, into a real temporary SQLite store.</summary>
public class BreastCancerPipelineTests
{
    private static readonly string[] BinaryMetricNames =
    [
        "true_negatives", "false_positives", "false_negatives", "true_positives", "example_count", "accuracy_score",
        "recall_score", "precision_score", "f1_score", "log_loss", "roc_auc", "precision_recall_auc",
    ];

    [Fact]
    public async Task PrepareThroughPackage_RecordsRunsMetricsArtifactsAndRegistryVersion()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer");

        var result = await workspace.RunThroughAsync(StageName.Package);

        Assert.Equal(StageOutcome.Succeeded, result.Outcome);
        await using var store = workspace.OpenStore();
        var experiment = (await store.GetExperimentByNameAsync("breast-cancer"))!;
        var runs = (await store.SearchRunsAsync(new RunQuery([experiment.ExperimentId]))).Items;
        Assert.All(runs, r => Assert.Equal(RunStatus.Finished, r.Info.Status));

        var pipeline = Assert.Single(runs, r => r.Data.Tag(PipelineTags.Role) == PipelineTags.RolePipeline);
        Assert.Equal(3, pipeline.Inputs.Count);
        Assert.Contains(pipeline.Inputs, i => i.Dataset is { Name: "breast_cancer", Digest: "578e7e3d" });
        Assert.Equal(455, pipeline.Data.Metric("data.train_rows"));
        Assert.Equal(114, pipeline.Data.Metric("data.test_rows"));

        var sweep = Assert.Single(runs, r => r.Data.Tag(PipelineTags.Role) == PipelineTags.RoleSweep);
        Assert.Equal(pipeline.Info.RunId, sweep.Data.Tag(SystemTags.ParentRunId));
        var trials = runs.Where(r => r.Data.Tag(PipelineTags.Role) == PipelineTags.RoleTrial).ToList();
        Assert.Equal(12, trials.Count);
        Assert.All(trials, t =>
        {
            Assert.Equal(sweep.Info.RunId, t.Data.Tag(SystemTags.ParentRunId));
            Assert.NotNull(t.Data.Param("C"));
            Assert.NotNull(t.Data.Metric("roc_auc"));
            Assert.NotNull(t.Data.Metric("roc_auc_std"));
            // Cross-validation saw the training split only: five folds of 455 rows, never the 114 test rows.
            Assert.Equal(455.0 / 5, t.Data.Metric("example_count")!.Value, 6);
            Assert.NotNull(t.Data.Tag(SystemTags.User));
            // The source is the pipeline file, whichever front end ran it (MLflow records the script that ran).
            Assert.Equal(Path.GetFullPath(workspace.PipelinePath), t.Data.Tag(SystemTags.SourceName));
        });
        var best = Assert.Single(trials, t => t.Info.RunId == sweep.Data.Tag(PipelineTags.BestRunId));
        Assert.Equal(trials.Max(t => t.Data.Metric("roc_auc")), best.Data.Metric("roc_auc"));
        var trialArtifacts = await new Tracking.Artifacts.LocalArtifactRepository(best.Info.ArtifactUri).ListAsync();
        Assert.Contains(trialArtifacts, a => a.Path == "confusion_matrix.png");

        var evaluation = Assert.Single(runs, r => r.Data.Tag(PipelineTags.Role) == PipelineTags.RoleEvaluation);
        Assert.All(BinaryMetricNames, name => Assert.NotNull(evaluation.Data.Metric(name)));
        Assert.True(evaluation.Data.Metric("roc_auc") >= 0.99, $"test roc_auc {evaluation.Data.Metric("roc_auc")}");
        Assert.True(evaluation.Data.Metric("accuracy_score") >= 0.97, $"test accuracy {evaluation.Data.Metric("accuracy_score")}");
        Assert.Equal(114, evaluation.Data.Metric("example_count"));
        Assert.Equal("passed", evaluation.Data.Tag(PipelineTags.GateVerdict));
        var plots = (await new Tracking.Artifacts.LocalArtifactRepository(evaluation.Info.ArtifactUri).ListAsync()).Select(a => a.Path).ToList();
        Assert.Contains("roc_curve_plot.png", plots);
        Assert.Contains("precision_recall_curve_plot.png", plots);
        Assert.Contains("confusion_matrix.png", plots);
        Assert.Contains("lift_curve_plot.png", plots);
        Assert.Contains("roc_curve_plot.json", plots);

        IModelRegistry registry = new Pipeline.Tracking.Stores.Sql.SqlModelRegistry(store);
        var version = await registry.GetModelVersionByAliasAsync("breast-cancer-classifier", "champion");
        Assert.Equal(1, version.Version);
        Assert.Equal(sweep.Info.RunId, version.RunId);
        var resolved = await new ModelUriResolver(registry, store).ResolveAsync("models:/breast-cancer-classifier@champion");
        var local = await new Tracking.Artifacts.LocalArtifactRepository(resolved.ArtifactUri).DownloadAsync("", Path.Combine(workspace.Root, "download"));
        var model = PackagedModel.Load(local);
        Assert.Equal(5, model.Predict(model.ReadInputExample()!).Labels.Count);
        Assert.Contains("models:/breast-cancer-classifier/1", workspace.Reporter.Text);
    }

    [Fact]
    public async Task ForcedSecondPackage_RegistersVersionTwoAndMovesTheAlias()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer");
        await workspace.RunThroughAsync(StageName.Package);

        await workspace.RunAsync(StageName.Package, force: true);

        await using var store = workspace.OpenStore();
        Assert.Equal(2, (await new Pipeline.Tracking.Stores.Sql.SqlModelRegistry(store).GetModelVersionByAliasAsync("breast-cancer-classifier", "champion")).Version);
    }

    [Fact]
    public async Task PrepareData_RecordsDatasetSchemaProfileAndSourceAsMlflowJsonDumps()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer");

        await workspace.RunThroughAsync(StageName.PrepareData);

        await using var store = workspace.OpenStore();
        var experiment = (await store.GetExperimentByNameAsync("breast-cancer"))!;
        var pipeline = Assert.Single((await store.SearchRunsAsync(new RunQuery([experiment.ExperimentId]))).Items);
        var source = Assert.Single(pipeline.Inputs, i => i.Dataset.Name == "breast_cancer");
        Assert.Equal("{\"num_rows\": 569, \"num_elements\": 17639}", source.Dataset.Profile);
        Assert.StartsWith("{\"mlflow_colspec\": [{\"type\": \"double\", \"name\": \"mean_radius\", \"required\": true}, ", source.Dataset.Schema);
        Assert.EndsWith("{\"type\": \"long\", \"name\": \"target\", \"required\": true}]}", source.Dataset.Schema);
        Assert.Matches("^\\{\"uri\": \"file:///.*/breast_cancer\\.csv\"\\}$", source.Dataset.Source);
        Assert.Equal("source", Assert.Single(source.Tags, t => t.Key == SystemTags.DatasetContext).Value);
    }

    [Fact]
    public async Task Package_RecordsLogModelHistoryTagAndRegistersTheArtifactLocationAsSource()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer");
        await workspace.RunThroughAsync(StageName.Package);

        await workspace.RunAsync(StageName.Package, force: true);

        await using var store = workspace.OpenStore();
        var version = await new Pipeline.Tracking.Stores.Sql.SqlModelRegistry(store).GetModelVersionAsync("breast-cancer-classifier", 2);
        var sweep = await store.GetRunAsync(version.RunId!);
        Assert.Equal(sweep.Info.ArtifactUri + "/model", version.Source);
        using var history = System.Text.Json.JsonDocument.Parse(sweep.Data.Tag(SystemTags.LoggedModels)!);
        // The forced repackage replaced the model directory, so only its entry remains.
        var entry = Assert.Single(history.RootElement.EnumerateArray().ToList());
        Assert.Equal(["run_id", "artifact_path", "utc_time_created", "model_uuid", "flavors"], entry.EnumerateObject().Select(p => p.Name));
        Assert.Equal(sweep.Info.RunId, entry.GetProperty("run_id").GetString());
        Assert.Equal("model", entry.GetProperty("artifact_path").GetString());
        Assert.Equal(version.Tags["pipeline.model_uuid"], entry.GetProperty("model_uuid").GetString());
        Assert.Equal("model.zip", entry.GetProperty("flavors").GetProperty("mlnet").GetProperty("model_file").GetString());
    }

    [Fact]
    public async Task Evaluate_LogsTheTestSplitAsInputOfTheEvaluationRunWithoutContext()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer");

        await workspace.RunThroughAsync(StageName.Evaluate);

        await using var store = workspace.OpenStore();
        var experiment = (await store.GetExperimentByNameAsync("breast-cancer"))!;
        var runs = (await store.SearchRunsAsync(new RunQuery([experiment.ExperimentId]))).Items;
        var evaluation = Assert.Single(runs, r => r.Data.Tag(PipelineTags.Role) == PipelineTags.RoleEvaluation);
        var pipeline = Assert.Single(runs, r => r.Data.Tag(PipelineTags.Role) == PipelineTags.RolePipeline);
        var input = Assert.Single(evaluation.Inputs);
        Assert.Empty(input.Tags);
        Assert.Equal(Assert.Single(pipeline.Inputs, i => i.Dataset.Name == "breast_cancer-test").Dataset, input.Dataset);
        Assert.Equal("{\"num_rows\": 114, \"num_elements\": 3534}", input.Dataset.Profile);
    }
}
