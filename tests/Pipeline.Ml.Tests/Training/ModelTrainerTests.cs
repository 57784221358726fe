using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;
using Pipeline.Ml.Training;

namespace Pipeline.Ml.Tests.Training;

public class ModelTrainerTests
{
    private readonly ModelTrainer _trainer = new();

    private static DataSplit Split(string name) => DataSplitter.TrainTestSplit(TestData.Load(name), 0.2, seed: 42);

    private static TrainerConfiguration Config(TaskKind task, string trainer, double? c = null) =>
        TrainerCatalog.Default.Resolve(task, trainer, c is null ? null : new Dictionary<string, object?> { ["C"] = c });

    [Theory]
    [InlineData("lbfgs_logistic_regression", 0.98)]
    [InlineData("sdca_logistic_regression", 0.98)]
    [InlineData("fast_tree", 0.95)]
    [InlineData("lightgbm", 0.95)]
    public void Fit_BreastCancer_ScoresWellAndRepeatsExactly(string trainer, double minimumAuc)
    {
        var split = Split("breast_cancer");
        var configuration = Config(TaskKind.Binary, trainer);

        var first = _trainer.Predict(_trainer.Fit(split.Train, configuration), split.Test);
        var second = _trainer.Predict(_trainer.Fit(split.Train, configuration), split.Test);

        Assert.True(ModelEvaluator.Evaluate(first)["roc_auc"] > minimumAuc);
        Assert.Equal(first.ProbabilityOf(1), second.ProbabilityOf(1));
    }

    [Theory]
    [InlineData("lbfgs_maximum_entropy")]
    [InlineData("sdca_maximum_entropy")]
    [InlineData("fast_tree")]
    [InlineData("lightgbm")]
    public void Fit_Wine_Multiclass_IsAccurateWithProbabilitiesSummingToOne(string trainer)
    {
        var split = Split("wine");

        var predictions = _trainer.Predict(_trainer.Fit(split.Train, Config(TaskKind.Multiclass, trainer)), split.Test);
        var metrics = ModelEvaluator.Evaluate(predictions);

        Assert.True(metrics["accuracy_score"] > 0.85, $"accuracy {metrics["accuracy_score"]}");
        Assert.All(predictions.Probabilities!, row => Assert.Equal(1.0, row.Sum(), 4));
    }

    [Theory]
    [InlineData("sdca_regression", 0.3)]
    [InlineData("lbfgs_poisson_regression", 0.3)]
    [InlineData("fast_tree", 0.2)]
    [InlineData("lightgbm", 0.2)]
    public void Fit_Diabetes_Regression_ExplainsVariance(string trainer, double minimumR2)
    {
        var split = Split("diabetes");

        var predictions = _trainer.Predict(_trainer.Fit(split.Train, Config(TaskKind.Regression, trainer)), split.Test);
        var r2 = ModelEvaluator.Evaluate(predictions)["r2_score"];

        Assert.True(r2 > minimumR2, $"r2 {r2}");
    }

    [Fact]
    public void SaveThenLoad_GivesTheSamePredictions()
    {
        var split = Split("breast_cancer");
        var model = _trainer.Fit(split.Train, Config(TaskKind.Binary, "lbfgs_logistic_regression"));
        var path = Path.Combine(TestData.TempFolder(), "model.zip");

        ModelTrainer.Save(model, path);
        var loaded = ModelTrainer.Load(path, out var schema);

        Assert.Equal(split.Train.FeatureNames, schema.Select(c => c.Name));
        Assert.Equal(
            _trainer.Predict(model, split.Test).ProbabilityOf(1),
            _trainer.Predict(loaded, split.Test, model.ClassValues).ProbabilityOf(1));
    }

    [Fact]
    public void Fit_ConfigurationForAnotherTask_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            _trainer.Fit(TestData.Load("iris"), Config(TaskKind.Binary, "fast_tree")));

        Assert.Contains("configured for Binary", error.Message);
    }
}
