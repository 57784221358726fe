using Pipeline.Stages.Promotion;

namespace Pipeline.Stages.Tests.Promotion;

public sealed class MetricThresholdTests
{
    [Theory]
    [InlineData(0.991, 0.990, true)]
    [InlineData(0.990, 0.990, false)]
    [InlineData(0.989, 0.990, false)]
    public void Check_NoMargins_StrictlyHigherWins(double candidate, double baseline, bool passed) =>
        Assert.Equal(passed, new MetricThreshold("roc_auc").Check(candidate, baseline).Passed);

    [Fact]
    public void Check_MinAbsoluteChange_NeedsMoreThanTheMargin()
    {
        var threshold = new MetricThreshold("roc_auc", MinAbsoluteChange: 0.002);

        Assert.False(threshold.Check(0.9915, 0.990).Passed);
        var (passed, reason) = threshold.Check(0.9925, 0.990);
        Assert.True(passed);
        Assert.Equal("roc_auc 0.9925 vs 0.99: better", reason);
    }

    [Fact]
    public void Check_MinRelativeChange_IsAFractionOfTheBaseline()
    {
        var threshold = new MetricThreshold("accuracy_score", MinRelativeChange: 0.01);

        Assert.False(threshold.Check(0.905, 0.90).Passed);
        Assert.True(threshold.Check(0.91, 0.90).Passed);
    }

    [Fact]
    public void Check_LowerIsBetter_ALowerLossWinsAndTheReasonSaysWhyNot()
    {
        var threshold = new MetricThreshold("log_loss", MinAbsoluteChange: 0.01, GreaterIsBetter: false);

        Assert.True(threshold.Check(0.10, 0.12).Passed);
        var (passed, reason) = threshold.Check(0.115, 0.12);
        Assert.False(passed);
        Assert.Contains("not more than min_absolute_change 0.01", reason, StringComparison.Ordinal);
    }
}
