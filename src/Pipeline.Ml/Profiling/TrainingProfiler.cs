using System.Globalization;
using Pipeline.Ml.Data;
using Pipeline.Ml.Packaging;

namespace Pipeline.Ml.Profiling;

/// <summary>Computes a <see cref="TrainingProfile"/> from the training split and, optionally, the model's predictions on it.</summary>
public static class TrainingProfiler
{
    /// <summary>The quantile levels recorded: every 2% (51 levels), so the Kolmogorov-Smirnov approximation is within 0.02.</summary>
    public static IReadOnlyList<double> QuantileLevels { get; } = Enumerable.Range(0, 51).Select(i => i / 50.0).ToArray();

    /// <summary>Histogram bins: the training deciles, the usual choice for the population stability index.</summary>
    public const int Bins = 10;

    /// <summary>Profiles <paramref name="train"/>.</summary>
    /// <param name="train">The training split.</param>
    /// <param name="predictions">The model's predictions for its rows (class values, or regression values); null for none.</param>
    public static TrainingProfile Compute(DataTable train, IReadOnlyList<double>? predictions = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (predictions is not null && predictions.Count != train.RowCount)
            throw new ArgumentException($"{predictions.Count} predictions for {train.RowCount} rows.", nameof(predictions));
        var features = train.FeatureNames.Select((name, c) => Numeric(name, Enumerable.Range(0, train.RowCount).Select(r => train.Row(r)[c]))).ToArray();
        var label = Output(train.Task, train.LabelName, train.Labels);
        var predicted = predictions is null ? null : Output(train.Task, "prediction", predictions);
        return new TrainingProfile(1, TaskNames.Of(train.Task), train.RowCount, QuantileLevels, features, train.LabelName, label, predicted);
    }

    /// <summary>The profile of one numeric column (NaN is a missing value).</summary>
    public static NumericProfile Numeric(string name, IEnumerable<double> column)
    {
        var all = column.ToArray();
        var values = all.Where(v => !double.IsNaN(v)).Order().ToArray();
        var missing = all.Length - values.Length;
        if (values.Length == 0)
            return new NumericProfile(name, 0, missing, double.NaN, double.NaN, double.NaN, double.NaN,
                QuantileLevels.Select(_ => double.NaN).ToArray(), new Histogram([double.NaN, double.NaN], [0]));
        var mean = values.Average();
        var std = values.Length < 2 ? 0 : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        var quantiles = QuantileLevels.Select(q => Round(Quantile(values, q))).ToArray();
        // Decile edges, repeated ones merged (a feature with many equal values has fewer bins). Rounded before the training
        // values are counted, so the counts are those of the edges as written.
        var edges = Enumerable.Range(0, Bins + 1).Select(i => Round(Quantile(values, (double)i / Bins))).Distinct().ToArray();
        if (edges.Length == 1) edges = [edges[0], edges[0]];
        var histogram = new Histogram(edges, new long[edges.Length - 1]);
        histogram = histogram with { Counts = histogram.Count(values) };
        return new NumericProfile(name, values.Length, missing, mean, std, values[0], values[^1], quantiles, histogram);
    }

    /// <summary>The <paramref name="q"/> quantile of ascending <paramref name="sorted"/>, interpolated linearly (numpy's default).</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        var position = q * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }

    /// <summary>
    /// Six significant digits: interpolated quantiles carry float noise (0.07871999999999999) that only makes the file
    /// bigger; the ends stay the exact minimum and maximum since the data's own values rarely have more digits.
    /// </summary>
    private static double Round(double value) =>
        double.IsFinite(value) ? double.Parse(value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : value;

    private static OutputProfile Output(TaskKind task, string name, IReadOnlyList<double> values)
    {
        if (task == TaskKind.Regression)
            return new OutputProfile(null, Numeric(name, values));
        var counted = values.Where(v => !double.IsNaN(v)).ToArray();
        var classes = counted.GroupBy(v => v).OrderBy(g => g.Key)
            .Select(g => new ClassFrequency(g.Key, g.Count(), (double)g.Count() / counted.Length)).ToArray();
        return new OutputProfile(classes, null);
    }
}
