using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Training;

internal static partial class TrainerDefinitions
{
    public static IEnumerable<TrainerDefinition> Binary()
    {
        yield return new("lbfgs_logistic_regression", TaskKind.Binary,
            "LbfgsLogisticRegression with L2 = 1/C and L1 = 0: scikit-learn's LogisticRegression(C, solver='lbfgs').",
            [TrainerParameters.C, TrainerParameters.MaxIterations(1000), TrainerParameters.Tolerance(1e-7)],
            (ml, b) => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = b.LabelColumn, FeatureColumnName = b.FeatureColumn,
                L2Regularization = (float)(1 / b["C"]), L1Regularization = 0,
                MaximumNumberOfIterations = b.Int("max_iterations"), OptimizationTolerance = b.Float("tolerance"),
                NumberOfThreads = 1,
            }));
        yield return new("sdca_logistic_regression", TaskKind.Binary,
            "SdcaLogisticRegression with L2 = 1/(C·n), L1 = 0, intercept penalised: scikit-learn's liblinear solver when converged.",
            [TrainerParameters.C, TrainerParameters.MaxIterations(TrainerParameters.SdcaEpochs), TrainerParameters.Tolerance(1e-6)],
            (ml, b) => ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = b.LabelColumn, FeatureColumnName = b.FeatureColumn,
                L2Regularization = (float)(1 / (b["C"] * b.RowCount)), L1Regularization = 0,
                MaximumNumberOfIterations = b.Int("max_iterations"), ConvergenceTolerance = b.Float("tolerance"),
                NumberOfThreads = 1,
            }));
        yield return new("fast_tree", TaskKind.Binary,
            "FastTree gradient-boosted trees with Platt-calibrated probabilities; single-threaded.",
            TrainerParameters.FastTree,
            (ml, b) => ml.BinaryClassification.Trainers.FastTree(FastTreeOptions(b)));
        yield return new("lightgbm", TaskKind.Binary,
            "LightGBM gradient-boosted trees; single-threaded and deterministic.",
            TrainerParameters.LightGbm,
            (ml, b) => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                LabelColumnName = b.LabelColumn, FeatureColumnName = b.FeatureColumn,
                NumberOfIterations = b.Int("number_of_trees"), NumberOfLeaves = b.Int("number_of_leaves"),
                LearningRate = b["learning_rate"], MinimumExampleCountPerLeaf = b.Int("min_examples_per_leaf"),
                NumberOfThreads = 1, Seed = b.Seed, Deterministic = true, Silent = true,
            }));
    }

    internal static FastTreeBinaryTrainer.Options FastTreeOptions(TrainerBuildContext b) => Trees(new FastTreeBinaryTrainer.Options(), b);

    internal static T Trees<T>(T options, TrainerBuildContext b) where T : BoostedTreeOptions
    {
        options.LabelColumnName = b.LabelColumn;
        options.FeatureColumnName = b.FeatureColumn;
        options.NumberOfTrees = b.Int("number_of_trees");
        options.NumberOfLeaves = b.Int("number_of_leaves");
        options.LearningRate = b["learning_rate"];
        options.MinimumExampleCountPerLeaf = b.Int("min_examples_per_leaf");
        options.NumberOfThreads = 1;
        options.Seed = b.Seed;
        return options;
    }
}
