using Pipeline.Ml.Data;
using Pipeline.Stages.Monitoring;

namespace Pipeline.Stages.Tests.Monitoring;

public sealed class LiveComparisonTests
{
    /// <summary>Version 1 is right on <paramref name="championRight"/> of 100 one-row requests, version 2 on <paramref name="challengerRight"/>.</summary>
    private static JoinResult Split(int championRight, int challengerRight)
    {
        var predictions = new List<LoggedPrediction>();
        var labels = new List<LabelRow>();
        for (var i = 0; i < 200; i++)
        {
            var champion = i < 100;
            var label = i % 2 == 0 ? "1" : "0";
            var right = champion ? i < championRight : i - 100 < challengerRight;
            predictions.Add(new LoggedPrediction($"r{i}", 0, champion ? "1" : "2", champion ? "champion" : "challenger",
                right ? label : label == "1" ? "0" : "1", null));
            labels.Add(new LabelRow($"r{i}", 0, label, i + 2));
        }

        return PredictionJoin.Join(predictions, labels);
    }

    [Fact]
    public void Compare_ClassifierTraffic_ReportsTheEvaluateStagesMetricNames()
    {
        var report = LiveComparison.Compare(Split(80, 90), new CompareOptions());

        Assert.Equal(TaskKind.Binary, report.Task);
        Assert.Equal(0.8, report.Versions[0].Metrics["accuracy_score"]);
        Assert.Equal(0.9, report.Versions[1].Metrics["accuracy_score"]);
        Assert.Contains("f1_score", report.Versions[0].Metrics.Names);
        Assert.Equal(100, report.Versions[0].Metrics["example_count"]);
    }

    [Fact]
    public void Compare_SameSeed_GivesTheSameInterval()
    {
        var a = LiveComparison.Compare(Split(70, 80), new CompareOptions { Seed = 7 }).Differences.Single();
        var b = LiveComparison.Compare(Split(70, 80), new CompareOptions { Seed = 7 }).Differences.Single();
        var c = LiveComparison.Compare(Split(70, 80), new CompareOptions { Seed = 8 }).Differences.Single();

        Assert.Equal((a.Lower, a.Upper), (b.Lower, b.Upper));
        Assert.NotEqual((a.Lower, a.Upper), (c.Lower, c.Upper));
    }

    [Fact]
    public void Compare_LargeDifference_IntervalExcludesZero()
    {
        var difference = LiveComparison.Compare(Split(60, 98), new CompareOptions()).Differences.Single();

        Assert.Equal(0.38, difference.Difference, 10);
        Assert.True(difference.Lower > 0.2 && difference.Upper < 0.5, difference.Note);
        Assert.True(difference.ExcludesZero);
        Assert.False(difference.Paired);
        Assert.Equal(1000, difference.ValidResamples);
        Assert.Contains("excludes zero", difference.Note);
    }

    [Fact]
    public void Compare_SmallDifference_IntervalIncludesZero()
    {
        var difference = LiveComparison.Compare(Split(80, 82), new CompareOptions()).Differences.Single();

        Assert.True(difference.Lower < 0 && difference.Upper > 0, difference.Note);
        Assert.False(difference.ExcludesZero);
    }

    [Fact]
    public void Compare_ShadowTraffic_ResamplesPairedAndNarrowerThanUnpaired()
    {
        // Both versions score the same 100 rows; the shadow is right on 5 more of them.
        var predictions = new List<LoggedPrediction>();
        var labels = new List<LabelRow>();
        for (var i = 0; i < 100; i++)
        {
            var label = i % 2 == 0 ? "1" : "0";
            var wrong = label == "1" ? "0" : "1";
            predictions.Add(new LoggedPrediction($"r{i}", 0, "1", "champion", i < 70 ? label : wrong, null));
            predictions.Add(new LoggedPrediction($"r{i}", 0, "2", "shadow", i < 75 ? label : wrong, null));
            labels.Add(new LabelRow($"r{i}", 0, label, i + 2));
        }

        var difference = LiveComparison.Compare(PredictionJoin.Join(predictions, labels), new CompareOptions()).Differences.Single();

        Assert.True(difference.Paired);
        // Paired, the difference varies only through the five rows where the versions disagree: it is never negative.
        Assert.True(difference.Lower > 0, difference.Note);
    }

    [Fact]
    public void Compare_RegressionValues_UseRegressionMetricsAndRmseByDefault()
    {
        var predictions = Enumerable.Range(0, 20).Select(i => new LoggedPrediction($"r{i}", 0, i < 10 ? "1" : "2", null, (i + 0.5).ToString(System.Globalization.CultureInfo.InvariantCulture), null));
        var labels = Enumerable.Range(0, 20).Select(i => new LabelRow($"r{i}", 0, i.ToString(System.Globalization.CultureInfo.InvariantCulture), i + 2)).ToList();

        var report = LiveComparison.Compare(PredictionJoin.Join(predictions, labels), new CompareOptions());

        Assert.Equal(TaskKind.Regression, report.Task);
        Assert.Equal("root_mean_squared_error", report.Metric);
        Assert.Equal(0.5, report.Versions[0].Metrics["mean_absolute_error"], 10);
    }

    [Fact]
    public void Compare_MetricNeedingProbabilities_ErrorSaysHowToGetThem()
    {
        var error = Assert.Throws<InvalidOperationException>(() => LiveComparison.Compare(Split(80, 90), new CompareOptions { Metric = "roc_auc" }));

        Assert.Contains("predict_proba", error.Message);
    }

    [Fact]
    public void Compare_RocAucWithProbabilities_DifferenceIsTheEvaluatorsRocAucDifference()
    {
        var random = new Random(3);
        var predictions = new List<LoggedPrediction>();
        var labels = new List<LabelRow>();
        for (var i = 0; i < 300; i++)
        {
            var label = random.Next(2);
            var p = Math.Clamp(label == 1 ? 0.6 + random.NextDouble() * 0.4 - (i % 3) * 0.2 : random.NextDouble() * 0.7, 0, 1);
            predictions.Add(new LoggedPrediction($"r{i}", 0, i % 2 == 0 ? "1" : "2", i % 2 == 0 ? "champion" : "challenger", null, [1 - p, p]));
            labels.Add(new LabelRow($"r{i}", 0, label.ToString(System.Globalization.CultureInfo.InvariantCulture), i + 2));
        }

        var report = LiveComparison.Compare(PredictionJoin.Join(predictions, labels), new CompareOptions { Metric = "roc_auc", Resamples = 50 });

        var difference = report.Differences.Single();
        Assert.Equal(report.Versions[1].Metrics["roc_auc"] - report.Versions[0].Metrics["roc_auc"], difference.Difference, 12);
        Assert.Contains("log_loss", report.Versions[0].Metrics.Names);
        Assert.True(difference.Lower <= difference.Difference && difference.Difference <= difference.Upper, difference.Note);
    }
}
