using Pipeline.Ml.Data;
using Pipeline.Ml.Models;
using Pipeline.Ml.Packaging;
using Pipeline.Ml.Tests.Models;
using Pipeline.Ml.Training;

namespace Pipeline.Ml.Tests.Packaging;

public class ModelPackagerTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Package_Diabetes_SignatureAndExampleFollowTheCsvColumnTypes()
    {
        var split = DataSplitter.TrainTestSplit(TestData.Load("diabetes"), 0.2, seed: 42);
        var model = new ModelTrainer().Fit(split.Train, TrainerCatalog.Default.Resolve(TaskKind.Regression, "fast_tree",
            new Dictionary<string, object?> { ["number_of_trees"] = 5 }));

        var written = new ModelPackager().Package(model, split.Train.Schema, split.Test, _temp.Combine("model"),
            new ModelPackageOptions { RunId = "0123456789abcdef0123456789abcdef", PipelineVersion = "1.2.3" });

        // age, sex, s1 and s6 are written as integers in the CSV; bp is written "101.0", so pandas reads it as float64.
        Assert.StartsWith("[{\"type\": \"long\", \"name\": \"age\", \"required\": true}, {\"type\": \"long\", \"name\": \"sex\", \"required\": true}, "
            + "{\"type\": \"double\", \"name\": \"bmi\", \"required\": true}, {\"type\": \"double\", \"name\": \"bp\", \"required\": true}, "
            + "{\"type\": \"long\", \"name\": \"s1\"", written.Signature!.InputsJson);
        Assert.Equal("[{\"type\": \"double\", \"required\": true}]", written.Signature.OutputsJson);
        var read = MlModelReader.Read(_temp.Combine("model"));
        Assert.Equal("regression", read.MlNet!.Task);
        Assert.Null(read.MlNet.ClassValues);
        Assert.Equal("1.2.3", read.PipelineVersion);
        var example = MlModelReader.ReadInputExample(_temp.Combine("model"), read)!;
        Assert.Equal(5, example.Rows.Count);
        var first = split.Test.Row(0);
        Assert.StartsWith($"{{\"columns\": [\"age\", \"sex\", \"bmi\", \"bp\", \"s1\", \"s2\", \"s3\", \"s4\", \"s5\", \"s6\"], \"data\": [[{(long)first[0]}, {(long)first[1]}, ",
            File.ReadAllText(_temp.Combine("model", "input_example.json")));
        Assert.Empty(ModelDirectoryVerifier.Verify(_temp.Combine("model")));
    }

    [Fact]
    public void Package_Classifier_RecordsClassValuesLongOutputAndMlNetVersion()
    {
        var split = DataSplitter.TrainTestSplit(TestData.Load("wine"), 0.2, seed: 42);
        var model = new ModelTrainer().Fit(split.Train, TrainerCatalog.Default.Resolve(TaskKind.Multiclass, "lbfgs_maximum_entropy"));

        new ModelPackager().Package(model, split.Train.Schema, split.Test, _temp.Combine("model"));

        var mlmodel = File.ReadAllText(_temp.Combine("model", "MLmodel"));
        Assert.Contains("    class_values:\n    - 0\n    - 1\n    - 2\n", mlmodel);
        Assert.Contains("    mlnet_version: 6.0.0\n", mlmodel);
        Assert.Contains("    task: multiclass_classification\n", mlmodel);
        Assert.Contains("outputs: '[{\"type\": \"long\", \"required\": true}]'", mlmodel);
        var env = MlModelReader.ReadEnvironment(_temp.Combine("model"), MlModelReader.Read(_temp.Combine("model")));
        Assert.Equal("6.0.0", env.Packages["Microsoft.ML"]);
        Assert.Equal("6.0.0", env.Packages["Microsoft.ML.LightGbm"]);
    }

    [Fact]
    public void Package_SavedModelZip_LoadsAndPredictsAsTheInMemoryModel()
    {
        var split = DataSplitter.TrainTestSplit(TestData.Load("breast_cancer"), 0.2, seed: 42);
        var trainer = new ModelTrainer();
        var model = trainer.Fit(split.Train, TrainerCatalog.Default.Resolve(TaskKind.Binary, "fast_tree",
            new Dictionary<string, object?> { ["number_of_trees"] = 10 }));
        ModelTrainer.Save(model, _temp.Combine("saved.zip"));

        new ModelPackager().Package(_temp.Combine("saved.zip"), split.Train.Schema, TaskKind.Binary, model.ClassValues, split.Test, _temp.Combine("model"));
        var online = PackagedModel.Load(_temp.Combine("model")).Predict(split.Test);

        Assert.Equal(trainer.Predict(model, split.Test).ProbabilityOf(1), online.Probabilities!.Select(p => p[1]));
    }

    [Fact]
    public void Package_SchemaOfOtherData_Throws()
    {
        var train = DataSplitter.TrainTestSplit(TestData.Load("breast_cancer"), 0.2, seed: 42).Train;
        var model = new ModelTrainer().Fit(train, TrainerCatalog.Default.Resolve(TaskKind.Binary, "lbfgs_logistic_regression"));

        var e = Assert.Throws<ArgumentException>(() =>
            new ModelPackager().Package(model, TestData.Load("iris").Schema, null, _temp.Combine("model")));

        Assert.Contains("are not the model's", e.Message);
        Assert.False(Directory.Exists(_temp.Combine("model")));
    }

    [Theory]
    [InlineData(new[] { 0.5, 1.0 }, "not a whole number")]
    [InlineData(new[] { 1.0, 0.0 }, "ascending")]
    [InlineData(new[] { 1.0 }, "two or more")]
    public void Describe_BadClassValues_Throws(double[] classes, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => ModelPackager.Describe(TestData.Load("breast_cancer").Schema, TaskKind.Binary, classes, null));

        Assert.Contains(message, e.Message);
    }
}
