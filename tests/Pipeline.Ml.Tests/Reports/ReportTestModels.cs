using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;
using Pipeline.Ml.Training;

namespace Pipeline.Ml.Tests.Reports;

/// <summary>Test-split predictions of quick models on the repository's data sets.</summary>
internal static class ReportTestModels
{
    public static PredictionSet Binary() => Predict("breast_cancer", TaskKind.Binary, "lbfgs_logistic_regression");

    public static PredictionSet Multiclass() => Predict("wine", TaskKind.Multiclass, "lbfgs_maximum_entropy");

    public static PredictionSet Regression() => Predict("diabetes", TaskKind.Regression, "fast_tree",
        new Dictionary<string, object?> { ["number_of_trees"] = 20 });

    private static PredictionSet Predict(string data, TaskKind task, string trainer, Dictionary<string, object?>? values = null)
    {
        var split = DataSplitter.TrainTestSplit(TestData.Load(data, task), 0.2, seed: 42);
        var trainerObject = new ModelTrainer();
        var model = trainerObject.Fit(split.Train, TrainerCatalog.Default.Resolve(task, trainer, values));
        return trainerObject.Predict(model, split.Test);
    }
}
