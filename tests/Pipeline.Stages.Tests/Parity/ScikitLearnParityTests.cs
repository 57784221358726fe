using System.Globalization;
using Pipeline.Ml.Evaluation;
using Pipeline.Ml.Training;
using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages;
using Pipeline.Stages.Stages.PrepareData;
using Pipeline.Stages.Tests.Spec;
using MlTask = Pipeline.Ml.Data.TaskKind;

namespace Pipeline.Stages.Tests.Parity;

/// <summary>
/// The README's claim as a test: on scikit-learn's own train/test split of breast-cancer, pinned through the pipeline
/// file, <c>lbfgs_logistic_regression</c> gives the test AUC and accuracy of <c>LogisticRegression(C, solver='lbfgs')</c>
/// and <c>sdca_logistic_regression</c> those of <c>solver='liblinear'</c>, for every C of the grid. The expected
/// numbers were computed once by scikit-learn (<c>make_sklearn_expected.py</c> beside this file says how) and are
/// stored in <c>Data/sklearn_expected.csv</c>.
/// </summary>
public sealed class ScikitLearnParityTests
{
    // Accuracy over 114 test rows moves in steps of 1/114: equal means the same predictions. AUC is compared to 1e-9
    // (floating-point noise) for L-BFGS; SDCA converges to liblinear's optimum within about 4e-4 in the coefficients,
    // which may swap one pair of near-tied scores: at most one of 42 x 72 positive/negative pairs, 3.3e-4.
    private const double LbfgsAucTolerance = 1e-9;
    private const double SdcaAucTolerance = 1.0 / (42 * 72);

    private static string DataFolder => Path.Combine(RepositoryRoot.Path, "tests", "Pipeline.Stages.Tests", "Parity", "Data");

    public static TheoryData<string, string, double, double, double> Expected()
    {
        var data = new TheoryData<string, string, double, double, double>();
        foreach (var line in File.ReadLines(Path.Combine(DataFolder, "sklearn_expected.csv")).Skip(1))
        {
            var f = line.Split(',');
            var trainer = f[0] == "lbfgs" ? "lbfgs_logistic_regression" : "sdca_logistic_regression";
            data.Add(trainer, f[0], Number(f[1]), Number(f[2]), Number(f[3]));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void PinnedTestFile_TrainerWithC_GivesScikitLearnsTestAucAndAccuracy(string trainer, string solver, double c, double auc, double accuracy)
    {
        var metrics = TrainAndEvaluate("test_path: breast_cancer_test.csv", "breast_cancer_train.csv", trainer, c);

        Assert.Equal(accuracy, metrics["accuracy_score"], 12);
        var tolerance = solver == "lbfgs" ? LbfgsAucTolerance : SdcaAucTolerance;
        Assert.True(Math.Abs(auc - metrics["roc_auc"]) <= tolerance,
            $"{trainer}(C={c}): roc_auc {metrics["roc_auc"]:R}, scikit-learn {solver} {auc:R} (tolerance {tolerance:G3})");
    }

    [Fact]
    public void PinnedSplitColumn_GivesTheSameSplitAndMetricsAsTheTestFile()
    {
        var byColumn = TrainAndEvaluate("split_column: split", "breast_cancer_split.csv", "lbfgs_logistic_regression", 1.0);
        var byFile = TrainAndEvaluate("test_path: breast_cancer_test.csv", "breast_cancer_train.csv", "lbfgs_logistic_regression", 1.0);

        // The column's file keeps the source order, the split files scikit-learn's: the same rows, so the same metrics.
        Assert.Equal(byFile["roc_auc"], byColumn["roc_auc"], 12);
        Assert.Equal(byFile["accuracy_score"], byColumn["accuracy_score"], 12);
    }

    private static MetricSet TrainAndEvaluate(string pinned, string dataFile, string trainer, double c)
    {
        var pipeline = Path.Combine(DataFolder, $"parity-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(pipeline, $"experiment: parity\ndata:\n  path: {dataFile}\n  label: target\n  task: binary_classification\n  {pinned}\n" +
            $"sweep:\n  search_space:\n    - trainer: {trainer}\n      params: {{ C: [{c.ToString(CultureInfo.InvariantCulture)}] }}\nselect: {{ metric: roc_auc, direction: maximize }}\n" +
            "model: { name: parity }\n");
        try
        {
            var spec = new PipelineSpecLoader(MlTrainerCatalog.Default, new DefaultMetricCatalog()).Load(pipeline);
            var dataset = PreparedDataset.Load(spec.Data);
            var configuration = TrainerCatalog.Default.Resolve(MlTask.Binary, trainer, new Dictionary<string, object?> { ["C"] = c }, spec.Sweep.Seed);
            var trainerOf = new ModelTrainer();
            var model = trainerOf.Fit(dataset.Split.Train, configuration);
            return ModelEvaluator.Evaluate(trainerOf.Predict(model, dataset.Split.Test));
        }
        finally
        {
            File.Delete(pipeline);
        }
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
