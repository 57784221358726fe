using System.Globalization;
using Pipeline.Ml.Profiling;

namespace Pipeline.Ml.Drift;

/// <summary>
/// Compares a <see cref="LiveSample"/> with a <see cref="TrainingProfile"/>: PSI and KS per feature, PSI of the predictions.
/// PSI is taken over the profile's decile bins, adjacent ones merged when the live window is small
/// (<see cref="PopulationStability.MergeFactor"/>), so that sampling noise alone does not read as drift.
/// </summary>
public static class DriftAnalyzer
{
    /// <summary>Runs the comparison; a feature the live rows never carried gets NaN figures.</summary>
    public static DriftAnalysis Analyze(TrainingProfile profile, LiveSample live)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(live);
        var bins = profile.Features.Count == 0 ? TrainingProfiler.Bins : profile.Features.Max(f => f.Histogram.Bins);
        var factor = PopulationStability.MergeFactor(bins, profile.Rows, live.Rows);
        var features = profile.Features.Select(p => Feature(profile, p, live, factor)).ToArray();
        return new DriftAnalysis(live.Rows, profile.Rows, features, Predictions(profile.Predictions, live.Predictions),
            PopulationStability.NoiseFloor((bins + factor - 1) / factor, profile.Rows, live.Rows));
    }

    private static FeatureDrift Feature(TrainingProfile profile, NumericProfile training, LiveSample live, int factor)
    {
        var histogram = training.Histogram.Coarsen(factor);
        var values = live.Features.TryGetValue(training.Name, out var column) ? column : Enumerable.Repeat(double.NaN, live.Rows).ToArray();
        var present = values.Where(v => !double.IsNaN(v)).ToArray();
        var counts = histogram.Count(present);
        return new FeatureDrift(
            training.Name,
            PopulationStability.Index(histogram.Counts, counts),
            KolmogorovSmirnov.Statistic(profile.QuantileLevels, training.Quantiles, present),
            present.Length, values.Length - present.Length, present.Length == 0 ? double.NaN : present.Average(), training.Mean,
            histogram.BinEdges, histogram.Counts, counts);
    }

    private static PredictionDrift? Predictions(OutputProfile? training, IReadOnlyList<double> live)
    {
        var predicted = live.Where(v => !double.IsNaN(v)).ToArray();
        if (training is null || predicted.Length == 0) return null;
        if (training.Classes is { } classes)
        {
            // A class the model never predicted on its training split still gets a bin, so the shift to it counts.
            var values = classes.Select(c => c.Value).Union(predicted).Order().ToArray();
            var expected = values.Select(v => classes.FirstOrDefault(c => c.Value == v)?.Count ?? 0).ToArray();
            var actual = values.Select(v => (long)predicted.Count(p => p == v)).ToArray();
            return new PredictionDrift(PopulationStability.Index(expected, actual),
                values.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray(), expected, actual);
        }

        if (training.Values is not { } numeric) return null;
        var counts = numeric.Histogram.Count(predicted);
        var edges = numeric.Histogram.BinEdges;
        var labels = Enumerable.Range(0, numeric.Histogram.Bins)
            .Select(i => $"{edges[i].ToString("G4", CultureInfo.InvariantCulture)}..{edges[i + 1].ToString("G4", CultureInfo.InvariantCulture)}").ToArray();
        return new PredictionDrift(PopulationStability.Index(numeric.Histogram.Counts, counts), labels, numeric.Histogram.Counts, counts);
    }
}
