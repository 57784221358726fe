using Pipeline.Ml.Data;
using Pipeline.Ml.Drift;
using Pipeline.Ml.Profiling;

namespace Pipeline.Ml.Tests.Drift;

public class TrainingProfilerTests
{
    [Fact]
    public void Numeric_OneToTen_HasPandasDescribeFiguresAndDecileBins()
    {
        var profile = TrainingProfiler.Numeric("x", Enumerable.Range(1, 10).Select(i => (double)i).Append(double.NaN));

        Assert.Equal(10, profile.Count);
        Assert.Equal(1, profile.Missing);
        Assert.Equal(5.5, profile.Mean, 12);
        Assert.Equal(3.0276503540974917, profile.Std, 12); // pandas: pd.Series(range(1, 11)).std()
        Assert.Equal(5.5, profile.Quantiles[25], 12);       // level 0.5
        Assert.Equal(1.18, profile.Quantiles[1], 12);       // level 0.02: numpy.quantile(range(1, 11), 0.02)
        Assert.Equal([1, 1.9, 2.8, 3.7, 4.6, 5.5, 6.4, 7.3, 8.2, 9.1, 10], profile.Histogram.BinEdges.Select(e => Math.Round(e, 10)));
        Assert.Equal(10, profile.Histogram.Counts.Sum());
        Assert.All(profile.Histogram.Counts, c => Assert.Equal(1, c));
    }

    [Fact]
    public void Numeric_ManyEqualValues_MergesRepeatedEdges()
    {
        var profile = TrainingProfiler.Numeric("x", Enumerable.Repeat(0.0, 80).Concat(Enumerable.Range(1, 20).Select(i => (double)i)));

        Assert.Equal(profile.Histogram.BinEdges.Distinct().Count(), profile.Histogram.BinEdges.Count);
        Assert.Equal(0, profile.Histogram.BinEdges[0]);
        Assert.Equal(80, profile.Histogram.Counts[0]);
        Assert.Equal(100, profile.Histogram.Counts.Sum());
    }

    [Fact]
    public void Analyze_RegressionModel_ComparesPredictedValuesOverTheirDeciles()
    {
        var split = DataSplitter.TrainTestSplit(TestData.Load("diabetes", TaskKind.Regression), 0.2, seed: 42);
        var profile = TrainingProfiler.Compute(split.Train, split.Train.Labels);
        var test = split.Test;
        var features = test.FeatureNames.Select((n, c) => (n, v: Enumerable.Range(0, test.RowCount).Select(r => test.Row(r)[c]).ToArray())).ToDictionary(p => p.n, p => p.v);

        var same = DriftAnalyzer.Analyze(profile, new LiveSample(test.RowCount, features, test.Labels));
        var higher = DriftAnalyzer.Analyze(profile, new LiveSample(test.RowCount, features, test.Labels.Select(v => v + 200).ToArray()));

        Assert.Equal("regression", profile.Task);
        Assert.Null(profile.Label.Classes);
        Assert.NotNull(profile.Predictions!.Values);
        Assert.InRange(same.Predictions!.Psi, 0, 0.2);
        Assert.True(higher.Predictions!.Psi > 1);
    }

    [Fact]
    public void Histogram_BinOf_OuterBinsAreOpenEnded()
    {
        var histogram = new Histogram([0, 1, 2], [1, 1]);

        Assert.Equal([0, 0, 1, 1, 1], new[] { -5, 0, 1, 2, 99.0 }.Select(histogram.BinOf));
        Assert.Equal(-1, histogram.BinOf(double.NaN));
    }

    [Fact]
    public void Compute_BreastCancerTrain_RoundTripsThroughJsonByteForByte()
    {
        var split = DataSplitter.TrainTestSplit(TestData.Load("breast_cancer"), 0.2, seed: 42);
        var predictions = split.Train.Labels;

        var json = TrainingProfiler.Compute(split.Train, predictions).ToJson();
        var again = TrainingProfiler.Compute(split.Train, predictions).ToJson();
        var read = TrainingProfile.FromJson(json, "test");

        Assert.Equal(json, again);
        Assert.Equal(json, read.ToJson());
        Assert.Equal(30, read.Features.Count);
        Assert.Equal(455, read.Rows);
        Assert.Equal("binary_classification", read.Task);
        Assert.Equal([0.0, 1.0], read.Label.Classes!.Select(c => c.Value));
        Assert.Equal(1.0, read.Label.Classes!.Sum(c => c.Frequency), 12);
        Assert.InRange(json.Length, 1000, 60_000);
    }

    [Fact]
    public void Analyze_TestSplitAgainstTrainProfile_NoFeatureDrifts_ShiftedFeatureDoes()
    {
        var split = DataSplitter.TrainTestSplit(TestData.Load("breast_cancer"), 0.2, seed: 42);
        var profile = TrainingProfiler.Compute(split.Train, split.Train.Labels);
        var test = split.Test;
        LiveSample Live(Func<int, double, double> shift) => new(test.RowCount,
            test.FeatureNames.Select((n, c) => (n, values: Enumerable.Range(0, test.RowCount).Select(r => shift(c, test.Row(r)[c])).ToArray()))
                .ToDictionary(p => p.n, p => p.values),
            test.Labels);

        var unshifted = DriftAnalyzer.Analyze(profile, Live((_, v) => v));
        var meanArea = test.FeatureNames.ToList().IndexOf("mean_area");
        var std = profile.Features[meanArea].Std;
        var shifted = DriftAnalyzer.Analyze(profile, Live((c, v) => c == meanArea ? v + (3 * std) : v));

        Assert.All(unshifted.Features, f => Assert.True(f.Psi < 0.2, $"{f.Name}: psi {f.Psi}"));
        Assert.True(shifted.Features[meanArea].Psi > 0.2);
        Assert.True(shifted.Features[meanArea].Ks > 0.5);
        Assert.Equal(["mean_area"], shifted.Features.Where(f => f.Psi > 0.2).Select(f => f.Name));
        Assert.InRange(unshifted.Predictions!.Psi, 0, 0.05);
    }
}
