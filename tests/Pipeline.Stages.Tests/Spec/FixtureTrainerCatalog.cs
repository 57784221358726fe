using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Tests.Spec;

/// <summary>
/// The trainer names the ML layer's catalog provides, with the parameters the pipeline files use, plus a
/// bool and a choice parameter on lightgbm so that every parameter type is exercised.
/// </summary>
internal sealed class FixtureTrainerCatalog : ITrainerCatalog
{
    private static readonly TaskKind[] Binary = [TaskKind.Binary];
    private static readonly TaskKind[] Multiclass = [TaskKind.Multiclass];
    private static readonly TaskKind[] Regression = [TaskKind.Regression];
    private static readonly TaskKind[] All = [TaskKind.Binary, TaskKind.Multiclass, TaskKind.Regression];

    private readonly Dictionary<string, TrainerDescriptor> trainers;

    public FixtureTrainerCatalog()
    {
        var c = new ParameterDescriptor("C", ParameterType.Real, ParameterValue.FromNumber(1.0)) { Min = 0, MinExclusive = true };
        var iterations = new ParameterDescriptor("maximum_number_of_iterations", ParameterType.Integer) { Min = 1 };
        var learningRate = new ParameterDescriptor("learning_rate", ParameterType.Real) { Min = 0, MinExclusive = true, Max = 1 };
        var leaves = new ParameterDescriptor("number_of_leaves", ParameterType.Integer) { Min = 2 };
        var minLeaf = new ParameterDescriptor("minimum_example_count_per_leaf", ParameterType.Integer) { Min = 1 };
        TrainerDescriptor[] list =
        [
            new("lbfgs_logistic_regression", Binary.ToHashSet(), [c, iterations]),
            new("sdca_logistic_regression", Binary.ToHashSet(), [c, iterations]),
            new("lbfgs_maximum_entropy", Multiclass.ToHashSet(), [c, iterations]),
            new("sdca_maximum_entropy", Multiclass.ToHashSet(), [c, iterations]),
            new("fast_tree", All.ToHashSet(),
                [new("number_of_trees", ParameterType.Integer) { Min = 1 }, leaves, learningRate, minLeaf]),
            new("lightgbm", All.ToHashSet(),
            [
                new("number_of_iterations", ParameterType.Integer) { Min = 1 }, leaves, learningRate, minLeaf,
                new("use_softmax", ParameterType.Boolean),
                new("booster", ParameterType.Choice) { Choices = ["gbdt", "dart", "goss"] },
            ]),
            new("sdca", Regression.ToHashSet(),
                [new("l2_regularization", ParameterType.Real) { Min = 0, MinExclusive = true }, iterations]),
            new("ols", Regression.ToHashSet(), []),
        ];
        trainers = list.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<TrainerDescriptor> Trainers => trainers.Values;

    public TrainerDescriptor? Find(string name) => trainers.GetValueOrDefault(name);
}
