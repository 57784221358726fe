using System.Text.Json.Serialization;

namespace Pipeline.Ml.Profiling;

/// <summary>
/// The distribution of one numeric column of the training split (a feature, or a regression model's predictions):
/// count, missing values, mean, standard deviation, range, quantiles at <see cref="TrainingProfile.QuantileLevels"/> and
/// a histogram whose bins are the training deciles (the bins the population stability index is taken over).
/// </summary>
/// <param name="Name">The column name.</param>
/// <param name="Count">Values that are not missing.</param>
/// <param name="Missing">Missing (NaN) values.</param>
/// <param name="Mean">The mean of the values; NaN when there are none.</param>
/// <param name="Std">The sample standard deviation (n - 1, as pandas' <c>describe</c>); 0 for one value.</param>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value.</param>
/// <param name="Quantiles">The values at the profile's quantile levels (linear interpolation, numpy's default).</param>
/// <param name="Histogram">The decile bins and how many training values fall in each.</param>
public sealed record NumericProfile(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("missing")] long Missing,
    [property: JsonPropertyName("mean")] double Mean,
    [property: JsonPropertyName("std")] double Std,
    [property: JsonPropertyName("min")] double Min,
    [property: JsonPropertyName("max")] double Max,
    [property: JsonPropertyName("quantiles")] IReadOnlyList<double> Quantiles,
    [property: JsonPropertyName("histogram")] Histogram Histogram);
