namespace Pipeline.Ml.Drift;

/// <summary>How one feature's live values compare with its training profile.</summary>
/// <param name="Name">The feature.</param>
/// <param name="Psi">Population stability index over the profile's bins; NaN with no live value.</param>
/// <param name="Ks">Kolmogorov-Smirnov D against the profile's quantiles; NaN with no live value.</param>
/// <param name="LiveCount">Live values that are numbers.</param>
/// <param name="LiveMissing">Live rows where the feature was null or missing.</param>
/// <param name="LiveMean">The live mean; NaN with no value.</param>
/// <param name="TrainingMean">The training mean.</param>
/// <param name="BinEdges">The profile's bin edges.</param>
/// <param name="TrainingCounts">Training values per bin.</param>
/// <param name="LiveCounts">Live values per bin (outer bins open-ended).</param>
public sealed record FeatureDrift(
    string Name, double Psi, double Ks, long LiveCount, long LiveMissing, double LiveMean, double TrainingMean,
    IReadOnlyList<double> BinEdges, IReadOnlyList<long> TrainingCounts, IReadOnlyList<long> LiveCounts);
