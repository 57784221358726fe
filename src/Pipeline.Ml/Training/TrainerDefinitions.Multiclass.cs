using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Training;

internal static partial class TrainerDefinitions
{
    public static IEnumerable<TrainerDefinition> Multiclass()
    {
        yield return new("lbfgs_maximum_entropy", TaskKind.Multiclass,
            "LbfgsMaximumEntropy (multinomial logistic regression) with L2 = 1/C and L1 = 0.",
            [TrainerParameters.C, TrainerParameters.MaxIterations(1000), TrainerParameters.Tolerance(1e-7)],
            (ml, b) => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = b.LabelColumn, FeatureColumnName = b.FeatureColumn,
                L2Regularization = (float)(1 / b["C"]), L1Regularization = 0,
                MaximumNumberOfIterations = b.Int("max_iterations"), OptimizationTolerance = b.Float("tolerance"),
                NumberOfThreads = 1,
            }));
        yield return new("sdca_maximum_entropy", TaskKind.Multiclass,
            "SdcaMaximumEntropy with L2 = 1/(C·n) and L1 = 0.",
            [TrainerParameters.C, TrainerParameters.MaxIterations(TrainerParameters.SdcaEpochs), TrainerParameters.Tolerance(1e-6)],
            (ml, b) => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = b.LabelColumn, FeatureColumnName = b.FeatureColumn,
                L2Regularization = (float)(1 / (b["C"] * b.RowCount)), L1Regularization = 0,
                MaximumNumberOfIterations = b.Int("max_iterations"), ConvergenceTolerance = b.Float("tolerance"),
                NumberOfThreads = 1,
            }));
        yield return new("fast_tree", TaskKind.Multiclass,
            "FastTree binary trees, one versus all, with normalised calibrated probabilities; single-threaded.",
            TrainerParameters.FastTree,
            (ml, b) => ml.MulticlassClassification.Trainers.OneVersusAll(
                ml.BinaryClassification.Trainers.FastTree(FastTreeOptions(b)), labelColumnName: b.LabelColumn));
        yield return new("lightgbm", TaskKind.Multiclass,
            "LightGBM multiclass (softmax); single-threaded and deterministic.",
            TrainerParameters.LightGbm,
            (ml, b) => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
            {
                LabelColumnName = b.LabelColumn, FeatureColumnName = b.FeatureColumn,
                NumberOfIterations = b.Int("number_of_trees"), NumberOfLeaves = b.Int("number_of_leaves"),
                LearningRate = b["learning_rate"], MinimumExampleCountPerLeaf = b.Int("min_examples_per_leaf"),
                NumberOfThreads = 1, Seed = b.Seed, Deterministic = true, Silent = true, UseSoftmax = true,
            }));
    }
}
