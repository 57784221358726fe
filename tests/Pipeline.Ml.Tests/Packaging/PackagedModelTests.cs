using Pipeline.Ml.Data;
using Pipeline.Ml.Models;
using Pipeline.Ml.Packaging;
using Pipeline.Ml.Tests.Models;
using Pipeline.Ml.Training;

namespace Pipeline.Ml.Tests.Packaging;

public class PackagedModelTests : IDisposable
{
    private readonly TempDir _temp = new();
    private readonly ModelTrainer _trainer = new();

    public void Dispose() => _temp.Dispose();

    private static DataSplit Split(DataTable table) => DataSplitter.TrainTestSplit(table, 0.2, seed: 42);

    private TrainedModel Fit(DataTable train, string trainer = "lbfgs_logistic_regression") =>
        _trainer.Fit(train, TrainerCatalog.Default.Resolve(train.Task, trainer));

    [Fact]
    public void Load_PackagedBreastCancerModel_PredictsAsTheInMemoryModel()
    {
        var split = Split(TestData.Load("breast_cancer"));
        var model = Fit(split.Train);
        new ModelPackager().Package(model, split.Train.Schema, split.Test, _temp.Combine("model"), new ModelPackageOptions { RunId = "r1" });
        var offline = _trainer.Predict(model, split.Test);

        var packaged = PackagedModel.Load(_temp.Combine("model"));
        var online = packaged.Predict(split.Test);

        Assert.Equal(offline.Predicted.Select(i => offline.ClassValues[(int)i]), online.Values);
        Assert.Equal(offline.Predicted.Select(i => (long)offline.ClassValues[(int)i]), online.Labels);
        Assert.Equal(offline.Probabilities!.Select(p => p.ToArray()), online.Probabilities!.Select(p => p.ToArray()));
        Assert.Equal(offline.Probabilities!.Select(p => p.ToArray()), packaged.Evaluate(split.Test).Probabilities!.Select(p => p.ToArray()));
        Assert.Equal("r1", packaged.MlModel.RunId);
    }

    [Fact]
    public void Predict_RowsByColumnNameAndSavedExample_MatchTheTablePrediction()
    {
        var split = Split(TestData.Load("breast_cancer"));
        new ModelPackager().Package(Fit(split.Train), split.Train.Schema, split.Test, _temp.Combine("model"));
        var packaged = PackagedModel.Load(_temp.Combine("model"));
        // Columns given in reverse order: matched by name, not position.
        var rows = Enumerable.Range(0, 5).Select(r => (IReadOnlyDictionary<string, double>)split.Test.FeatureNames
            .Select((name, c) => (name, value: split.Test.Row(r)[c])).Reverse().ToDictionary(p => p.name, p => p.value)).ToArray();

        var fromTable = packaged.Predict(split.Test);
        var fromRows = packaged.Predict(rows);
        var fromExample = packaged.Predict(packaged.ReadInputExample()!);

        Assert.Equal(fromTable.Probabilities!.Take(5).Select(p => p.ToArray()), fromRows.Probabilities!.Select(p => p.ToArray()));
        Assert.Equal(fromRows.Probabilities!.Select(p => p.ToArray()), fromExample.Probabilities!.Select(p => p.ToArray()));
    }

    [Fact]
    public void Predict_ClassesNotZeroBased_ReturnsOriginalClassValues()
    {
        var table = TestData.Load("iris");
        var shifted = new DataTable(table.Schema, table.Task,
            Enumerable.Range(0, table.RowCount).Select(r => table.Row(r).ToArray()).ToArray(), table.Labels.Select(l => 10 * l + 5).ToArray());
        var split = Split(shifted);
        var model = Fit(split.Train, "lbfgs_maximum_entropy");
        new ModelPackager().Package(model, split.Train.Schema, split.Test, _temp.Combine("model"));

        var packaged = PackagedModel.Load(_temp.Combine("model"));
        var labels = packaged.Predict(split.Test).Labels;

        Assert.Equal([5.0, 15.0, 25.0], packaged.ClassValues);
        Assert.Equal(_trainer.Predict(model, split.Test).Predicted.Select(i => (long)(10 * i + 5)), labels);
        Assert.True(labels.Zip(split.Test.Labels).Count(p => p.First == p.Second) > 0.8 * labels.Count);
    }

    [Fact]
    public void Load_CorruptedModelZip_IsRefusedNamingTheFile()
    {
        var split = Split(TestData.Load("breast_cancer"));
        new ModelPackager().Package(Fit(split.Train), split.Train.Schema, split.Test, _temp.Combine("model"));
        var zip = _temp.Combine("model", "model.zip");
        var bytes = File.ReadAllBytes(zip);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(zip, bytes);

        var e = Assert.Throws<ModelVerificationException>(() => PackagedModel.Load(_temp.Combine("model")));

        Assert.Contains("model.zip is corrupt: SHA-256", e.Message);
        Assert.Equal(ModelFileProblemKind.Corrupt, Assert.Single(e.Problems).Kind);
    }

    [Fact]
    public void Load_MissingManifest_IsRefused()
    {
        var split = Split(TestData.Load("breast_cancer"));
        new ModelPackager().Package(Fit(split.Train), split.Train.Schema, null, _temp.Combine("model"));
        File.Delete(_temp.Combine("model", ModelManifest.FileName));

        var e = Assert.Throws<ModelVerificationException>(() => PackagedModel.Load(_temp.Combine("model")));

        Assert.Contains("manifest.json is missing", e.Message);
    }

    [Fact]
    public void Load_UnreadableModelFileWithMatchingManifest_ThrowsFormatErrorNamingTheFile()
    {
        var split = Split(TestData.Load("breast_cancer"));
        var dir = _temp.Combine("model");
        new ModelPackager().Package(Fit(split.Train), split.Train.Schema, null, dir);
        File.WriteAllText(Path.Combine(dir, "model.zip"), "not a zip");
        File.WriteAllText(Path.Combine(dir, ModelManifest.FileName), ModelManifest.Compute(dir).ToJson());

        var e = Assert.Throws<ModelFormatException>(() => PackagedModel.Load(dir));

        Assert.Contains("model.zip: not a loadable ML.NET model", e.Message);
    }

    [Fact]
    public void Predict_RowMissingAColumn_NamesRowAndColumn()
    {
        var split = Split(TestData.Load("breast_cancer"));
        new ModelPackager().Package(Fit(split.Train), split.Train.Schema, null, _temp.Combine("model"));
        var packaged = PackagedModel.Load(_temp.Combine("model"));

        var e = Assert.Throws<ArgumentException>(() => packaged.Predict([new Dictionary<string, double> { ["mean_radius"] = 1 }]));

        Assert.StartsWith("Row 0: column 'mean_texture' is missing", e.Message);
    }
}
