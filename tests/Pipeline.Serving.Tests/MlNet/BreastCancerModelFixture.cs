using Pipeline.Ml.Data;
using Pipeline.Ml.Packaging;
using Pipeline.Ml.Training;

namespace Pipeline.Serving.Tests.MlNet;

/// <summary>
/// A real breast-cancer logistic-regression model trained on the repository's data set and packaged once per test
/// class, with the test split and the offline predictions the served ones must equal.
/// </summary>
public sealed class BreastCancerModelFixture : IDisposable
{
    public BreastCancerModelFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), $"serving-tests-{Guid.NewGuid():N}");
        var table = new CsvDataLoader(new CsvLoadOptions { LabelColumn = "target", Task = TaskKind.Binary }).Load(DataPath("breast_cancer.csv"));
        var split = DataSplitter.TrainTestSplit(table, 0.2, seed: 42);
        var trainer = new ModelTrainer();
        var model = trainer.Fit(split.Train, TrainerCatalog.Default.Resolve(TaskKind.Binary, "lbfgs_logistic_regression"));
        ModelDirectory = Path.Combine(Root, "model");
        new ModelPackager().Package(model, split.Train.Schema, split.Test, ModelDirectory, new ModelPackageOptions { RunId = "run1" });
        Test = split.Test;
        Offline = PackagedModel.Load(ModelDirectory).Predict(split.Test);
    }

    public string Root { get; }

    public string ModelDirectory { get; }

    public DataTable Test { get; }

    public ModelPredictions Offline { get; }

    /// <summary>A copy of the model directory, for tests that damage it.</summary>
    public string CopyModel()
    {
        var target = Path.Combine(Root, $"copy-{Guid.NewGuid():N}");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(ModelDirectory))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        return target;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static string DataPath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", name);
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")) && File.Exists(candidate))
                return candidate;
        }

        throw new InvalidOperationException($"No data/{name} above {AppContext.BaseDirectory}.");
    }
}
