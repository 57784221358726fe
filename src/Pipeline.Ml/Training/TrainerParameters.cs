namespace Pipeline.Ml.Training;

/// <summary>The parameter declarations shared by several trainers.</summary>
internal static class TrainerParameters
{
    /// <summary>
    /// SDCA's default cap on passes. Its duality-gap test seldom fires below 1e-5 in single precision, so
    /// with the 1e-6 tolerance it would run to the cap: on breast cancer 200 passes give the same
    /// probabilities as 1,000 (to float precision) in an eighth of the time; 100 differ by up to 8e-5.
    /// </summary>
    public const double SdcaEpochs = 200;

    public static TrainerParameter C => new(
        "C", ParameterType.Real, 1.0, 0, 1e6, true,
        "Inverse regularisation strength, as scikit-learn's LogisticRegression C.");

    public static TrainerParameter MaxIterations(double defaultValue) => new(
        "max_iterations", ParameterType.Integer, defaultValue, 1, 1e6, false,
        "Upper bound on optimiser iterations (SDCA: passes over the data).");

    public static TrainerParameter Tolerance(double defaultValue) => new(
        "tolerance", ParameterType.Real, defaultValue, 0, 1, true,
        "Convergence tolerance of the optimiser.");

    public static TrainerParameter L2(double defaultValue) => new(
        "l2_regularization", ParameterType.Real, defaultValue, 0, 1e6, false,
        "ML.NET's L2 regularisation weight, passed as it is.");

    public static TrainerParameter L1(double defaultValue) => new(
        "l1_regularization", ParameterType.Real, defaultValue, 0, 1e6, false,
        "ML.NET's L1 regularisation weight, passed as it is.");

    public static IReadOnlyList<TrainerParameter> Trees(double leaves, double learningRate, double minPerLeaf) =>
    [
        new("number_of_trees", ParameterType.Integer, 100, 1, 10_000, false, "Boosting rounds (trees per class for multiclass)."),
        new("number_of_leaves", ParameterType.Integer, leaves, 2, 131_072, false, "Maximum leaves per tree."),
        new("learning_rate", ParameterType.Real, learningRate, 0, 1, true, "Shrinkage applied to each tree."),
        new("min_examples_per_leaf", ParameterType.Integer, minPerLeaf, 1, 1_000_000, false, "Minimum training rows in a leaf."),
    ];

    /// <summary>FastTree defaults as ML.NET's: 20 leaves, learning rate 0.2, 10 rows per leaf.</summary>
    public static IReadOnlyList<TrainerParameter> FastTree => Trees(20, 0.2, 10);

    /// <summary>LightGBM defaults as LightGBM's own: 31 leaves, learning rate 0.1, 20 rows per leaf.</summary>
    public static IReadOnlyList<TrainerParameter> LightGbm => Trees(31, 0.1, 20);
}
