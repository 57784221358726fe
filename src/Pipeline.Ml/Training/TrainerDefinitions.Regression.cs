using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Training;

internal static partial class TrainerDefinitions
{
    public static IEnumerable<TrainerDefinition> Regression()
    {
        yield return new("sdca_regression", TaskKind.Regression,
            "Sdca least-squares regression (1,000 passes by default: an unscaled target converges slowly); l2_regularization is ML.NET's weight as it is.",
            [TrainerParameters.L2(1e-4), TrainerParameters.MaxIterations(1000), TrainerParameters.Tolerance(1e-6)],
            (ml, b) => ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
            {
                LabelColumnName = b.LabelColumn, FeatureColumnName = b.FeatureColumn,
                L2Regularization = b.Float("l2_regularization"), L1Regularization = 0,
                MaximumNumberOfIterations = b.Int("max_iterations"), ConvergenceTolerance = b.Float("tolerance"),
                NumberOfThreads = 1,
            }));
        yield return new("lbfgs_poisson_regression", TaskKind.Regression,
            "LbfgsPoissonRegression (log link; the target must be non-negative); ML.NET's default weights L1 = L2 = 1.",
            [TrainerParameters.L2(1), TrainerParameters.L1(1), TrainerParameters.MaxIterations(1000), TrainerParameters.Tolerance(1e-7)],
            (ml, b) => ml.Regression.Trainers.LbfgsPoissonRegression(new LbfgsPoissonRegressionTrainer.Options
            {
                LabelColumnName = b.LabelColumn, FeatureColumnName = b.FeatureColumn,
                L2Regularization = b.Float("l2_regularization"), L1Regularization = b.Float("l1_regularization"),
                MaximumNumberOfIterations = b.Int("max_iterations"), OptimizationTolerance = b.Float("tolerance"),
                NumberOfThreads = 1,
            }));
        yield return new("fast_tree", TaskKind.Regression,
            "FastTree regression trees; single-threaded.",
            TrainerParameters.FastTree,
            (ml, b) => ml.Regression.Trainers.FastTree(Trees(new FastTreeRegressionTrainer.Options(), b)));
        yield return new("lightgbm", TaskKind.Regression,
            "LightGBM regression; single-threaded and deterministic.",
            TrainerParameters.LightGbm,
            (ml, b) => ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
            {
                LabelColumnName = b.LabelColumn, FeatureColumnName = b.FeatureColumn,
                NumberOfIterations = b.Int("number_of_trees"), NumberOfLeaves = b.Int("number_of_leaves"),
                LearningRate = b["learning_rate"], MinimumExampleCountPerLeaf = b.Int("min_examples_per_leaf"),
                NumberOfThreads = 1, Seed = b.Seed, Deterministic = true, Silent = true,
            }));
    }
}
