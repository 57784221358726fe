using System.Globalization;
using Pipeline.Tracking.Analysis;

namespace Pipeline.Tracking.Tests.Analysis;

public sealed class SweepAnalysisTests
{
    private static SweepTrialPoint Point(int index, double? value, params (string Key, string Value)[] parameters) =>
        new(index, parameters.ToDictionary(p => p.Key, p => p.Value), value);

    [Fact]
    public void OptimizationHistory_KeepsTheBestSoFar_SkippingUnscoredTrials()
    {
        var history = OptimizationHistory.Compute([Point(2, 0.7), Point(0, 0.5), Point(1, null), Point(3, 0.6)], maximize: true);

        Assert.Equal([(0, 0.5, 0.5), (2, 0.7, 0.7), (3, 0.6, 0.7)], history);
        Assert.Equal([0.5, 0.5, 0.5], OptimizationHistory.Compute([Point(0, 0.5), Point(1, 0.7), Point(2, 0.6)], maximize: false).Select(p => p.BestSoFar));
    }

    [Fact]
    public void ParameterImportance_RanksTheParamThatDrivesTheMetricFirst_AndSumsToOne()
    {
        var random = new Random(1);
        var trials = Enumerable.Range(0, 40).Select(i =>
        {
            var (x, noise) = (random.NextDouble(), random.NextDouble());
            return Point(i, (x * x) + (0.01 * noise), ("x", x.ToString("R", CultureInfo.InvariantCulture)), ("noise", noise.ToString("R", CultureInfo.InvariantCulture)), ("fixed", "1"));
        }).ToList();

        var importance = ParameterImportance.Compute(trials);

        Assert.Equal(["x", "noise"], importance.Select(p => p.Param));
        Assert.True(importance[0].Importance > 0.8, $"x: {importance[0].Importance}");
        Assert.Equal(1.0, importance.Sum(p => p.Importance), 9);
        Assert.Equal(importance, ParameterImportance.Compute(trials));
    }

    [Fact]
    public void ParameterImportance_TooFewTrials_SaysNothing() =>
        Assert.Empty(ParameterImportance.Compute([Point(0, 1, ("x", "1")), Point(1, 2, ("x", "2")), Point(2, 3, ("x", "3"))]));

    [Fact]
    public void Svg_EscapesNamesAndDrawsOneDotPerScoredTrial()
    {
        var trials = Enumerable.Range(0, 5).Select(i => Point(i, i, ("<b>", (i % 2).ToString(CultureInfo.InvariantCulture)))).ToList();

        var history = SweepPlotsSvg.History(trials, "a<b", maximize: true)!;
        var importance = SweepPlotsSvg.Importance(trials, "a<b")!;

        Assert.Equal(5, System.Text.RegularExpressions.Regex.Matches(history, "<circle ").Count);
        Assert.DoesNotContain("<b>", importance, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;", importance, StringComparison.Ordinal);
    }
}
