using Pipeline.Ml.Data;
using Pipeline.Ml.Packaging;
using Pipeline.Ml.Training;
using Pipeline.Stages.Stages;
using Pipeline.Stages.Tests.Spec;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Composition;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Tests.Serving;

/// <summary>
/// A real SQLite store as the earlier stages leave it: a pipeline run with data/test.csv, a sweep run with a packaged
/// breast-cancer model registered as version 1 with the alias <c>champion</c>. Also a deliberately different model, registered as
/// version 2 with the alias <c>challenger</c>.
/// </summary>
public sealed class ServedModelStore : IAsyncLifetime
{
    public const string ModelName = "breast-cancer";

    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"serving-stages-{Guid.NewGuid():N}");

    public ITrackingStore Store { get; private set; } = null!;

    public IModelRegistry Registry => _backend.Registry;

    private TrackingBackend _backend = null!;

    public ArtifactRepositoryRegistry Artifacts { get; } = new();

    public string PipelineRunId { get; private set; } = "";

    public DataTable Test { get; private set; } = null!;

    public PackagedModel Served { get; private set; } = null!;

    public PackagedModel Different { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        _backend = TrackingComposition.ForProcess().Open($"sqlite:///{Path.Combine(Root, "mlruns.db")}", new Uri(Path.Combine(Root, "mlartifacts")).AbsoluteUri);
        Store = _backend.Store;
        var loader = new CsvDataLoader(new CsvLoadOptions { LabelColumn = "target", Task = TaskKind.Binary });
        var split = DataSplitter.TrainTestSplit(loader.Load(Path.Combine(RepositoryRoot.Path, "data", "breast_cancer.csv")), 0.2, seed: 42);
        Test = split.Test;
        var experiment = await Store.CreateExperimentAsync("serving");
        var pipeline = await Store.CreateRunAsync(experiment, "tester", 0, [new RunTag(PipelineTags.Role, PipelineTags.RolePipeline)], "pipeline");
        PipelineRunId = pipeline.Info.RunId;
        var testCsv = Path.Combine(Root, "test.csv");
        CsvDataWriter.Write(split.Test, testCsv);
        await Artifacts.Open(pipeline.Info.ArtifactUri).LogFileAsync(testCsv, "data");

        Served = Package(split.Train, "lbfgs_logistic_regression", "served");
        // Trained on a tenth of the rows by another trainer: it disagrees with the served model on some test rows.
        Different = Package(split.Train.Subset(Enumerable.Range(0, split.Train.RowCount / 10).ToArray()), "sdca_logistic_regression", "different");
        var sweep = await Store.CreateRunAsync(experiment, "tester", 0, [], "sweep");
        await Artifacts.Open(sweep.Info.ArtifactUri).LogDirectoryAsync(Served.Directory, "model");
        await Registry.CreateRegisteredModelAsync(ModelName);
        var version = await Registry.CreateModelVersionAsync(ModelName, $"runs:/{sweep.Info.RunId}/model", sweep.Info.RunId);
        await Registry.SetRegisteredModelAliasAsync(ModelName, "champion", version.Version);
        // The different model as version 2, the challenger served beside the champion.
        var challengerRun = await Store.CreateRunAsync(experiment, "tester", 0, [], "challenger-sweep");
        await Artifacts.Open(challengerRun.Info.ArtifactUri).LogDirectoryAsync(Different.Directory, "model");
        var challenger = await Registry.CreateModelVersionAsync(ModelName, $"runs:/{challengerRun.Info.RunId}/model", challengerRun.Info.RunId);
        await Registry.SetRegisteredModelAliasAsync(ModelName, "challenger", challenger.Version);
    }

    public Task<Run> PipelineRunAsync() => Store.GetRunAsync(PipelineRunId);

    public async Task DisposeAsync()
    {
        await _backend.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }

    private PackagedModel Package(DataTable train, string trainer, string name)
    {
        var model = new ModelTrainer().Fit(train, TrainerCatalog.Default.Resolve(TaskKind.Binary, trainer));
        var directory = Path.Combine(Root, name);
        new ModelPackager().Package(model, train.Schema, Test, directory);
        return PackagedModel.Load(directory);
    }
}
