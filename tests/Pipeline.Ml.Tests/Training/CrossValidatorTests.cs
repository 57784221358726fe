using System.Diagnostics;
using Pipeline.Ml.Data;
using Pipeline.Ml.Training;
using Xunit.Abstractions;

namespace Pipeline.Ml.Tests.Training;

public class CrossValidatorTests(ITestOutputHelper output)
{
    private static DataTable BreastCancerTrain() => DataSplitter.TrainTestSplit(TestData.Load("breast_cancer"), 0.2, seed: 42).Train;

    private static TrainerConfiguration Config(string trainer, double c) =>
        TrainerCatalog.Default.Resolve(TaskKind.Binary, trainer, new Dictionary<string, object?> { ["C"] = c });

    [Fact]
    public void Run_BreastCancerLbfgsC1_AucAbout099AndRepeatsExactly()
    {
        var train = BreastCancerTrain();
        var validator = new CrossValidator();

        var first = validator.Run(train, Config("lbfgs_logistic_regression", 1), folds: 5);
        var second = validator.Run(train, Config("lbfgs_logistic_regression", 1), folds: 5);

        Assert.Equal(5, first.Folds.Count);
        Assert.InRange(first.Mean["roc_auc"], 0.985, 1.0);
        Assert.InRange(first.StandardDeviation["roc_auc"], 0.0, 0.02);
        Assert.Equal(455, first.Folds.Sum(f => f.ValidationRows));
        Assert.Equal(first.Folds.Select(f => f.Metrics["roc_auc"]), second.Folds.Select(f => f.Metrics["roc_auc"]));
        Assert.Equal(first.Mean["log_loss"], second.Mean["log_loss"]);
        Assert.True(first.TotalFitTime > TimeSpan.Zero);
    }

    [Fact]
    public void Run_StandardDeviation_IsPopulationStdOfFoldValues()
    {
        var result = new CrossValidator().Run(TestData.Load("iris"), TrainerCatalog.Default.Resolve(TaskKind.Multiclass, "lbfgs_maximum_entropy"), folds: 3);

        var values = result.Folds.Select(f => f.Metrics["accuracy_score"]).ToArray();
        var mean = values.Average();
        Assert.Equal(mean, result.Mean["accuracy_score"], 12);
        Assert.Equal(Math.Sqrt(values.Average(v => (v - mean) * (v - mean))), result.StandardDeviation["accuracy_score"], 12);
    }

    [Fact]
    public void OutOfFoldPredictions_CoverEveryTrainingRowOnceWithItsLabel()
    {
        var train = BreastCancerTrain();

        var result = new CrossValidator().Run(train, Config("lbfgs_logistic_regression", 1), folds: 5);
        var predictions = result.OutOfFoldPredictions();
        var rows = result.OutOfFoldRowIndices();

        Assert.Equal(Enumerable.Range(0, train.RowCount), rows.Order());
        Assert.Equal(train.RowCount, predictions.Actual.Count);
        Assert.Equal(rows.Select(r => train.Label(r)), predictions.ActualClasses.Select(c => predictions.ClassValues[c]));
        Assert.Equal(result.Folds[0].Predictions!.Predicted, predictions.Predicted.Take(result.Folds[0].ValidationRows));
        Assert.All(predictions.Probabilities!, p => Assert.Equal(1.0, p.Sum(), 6));
    }

    [Fact]
    public void OutOfFoldPredictions_Regression_KeepsTargetsInFoldOrder()
    {
        var train = TestData.Load("diabetes");

        var result = new CrossValidator().Run(train, TrainerCatalog.Default.Resolve(TaskKind.Regression, "fast_tree",
            new Dictionary<string, object?> { ["number_of_trees"] = 5 }), folds: 3);
        var predictions = result.OutOfFoldPredictions();

        Assert.Equal(result.OutOfFoldRowIndices().Select(r => train.Label(r)), predictions.Actual);
        Assert.Null(predictions.Probabilities);
    }

    // Prints the figure for the report (not a timed assertion): 2 solvers × 6 values of C, 5-fold each.
    // About 7 s: skip with --filter "Category!=Figure".
    [Fact]
    [Trait("Category", "Figure")]
    public void Figure_TwelveConfigurationGrid_FiveFoldOnBreastCancer()
    {
        var train = BreastCancerTrain();
        var validator = new CrossValidator();
        var clock = Stopwatch.StartNew();
        foreach (var trainer in new[] { "lbfgs_logistic_regression", "sdca_logistic_regression" })
        {
            foreach (var c in new[] { 0.01, 0.1, 0.5, 1, 2, 3 })
            {
                var result = validator.Run(train, Config(trainer, c));
                output.WriteLine(
                    $"{trainer,-26} C={c,-5} cv roc_auc={result.Mean["roc_auc"]:F4}±{result.StandardDeviation["roc_auc"]:F4} " +
                    $"accuracy={result.Mean["accuracy_score"]:F4} fit={result.TotalFitTime.TotalMilliseconds:F0} ms wall={result.Elapsed.TotalMilliseconds:F0} ms");
                Assert.InRange(result.Mean["roc_auc"], 0.95, 1.0);
            }
        }

        output.WriteLine($"12 configurations x 5 folds: {clock.Elapsed.TotalSeconds:F2} s");
    }
}
