using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Tests.Spec;

public sealed class GateSpecTests
{
    [Theory]
    [InlineData("roc_auc >= 0.95", "roc_auc", GateComparator.GreaterOrEqual, 0.95)]
    [InlineData("  log_loss<0.3 ", "log_loss", GateComparator.Less, 0.3)]
    [InlineData("false_negatives == 0", "false_negatives", GateComparator.Equal, 0)]
    [InlineData("r2_score > -1e-3", "r2_score", GateComparator.Greater, -0.001)]
    [InlineData("max_error <= 100", "max_error", GateComparator.LessOrEqual, 100)]
    public void TryParse_ValidExpression_ReadsMetricComparatorAndThreshold(string text, string metric, GateComparator comparator, double threshold)
    {
        Assert.True(GateSpec.TryParse(text, out var gate, out var error), error);
        Assert.Equal(new GateSpec(metric, comparator, threshold), gate);
    }

    [Theory]
    [InlineData("roc_auc >= champion.roc_auc - 0.002", "champion", "roc_auc", -0.002)]
    [InlineData("log_loss <= champion.log_loss+0.01", "champion", "log_loss", 0.01)]
    [InlineData("roc_auc > prod-v2_a.roc_auc", "prod-v2_a", "roc_auc", 0)]
    public void TryParse_BaselineExpression_ReadsAliasMetricAndSignedOffset(string text, string alias, string metric, double offset)
    {
        Assert.True(GateSpec.TryParse(text, out var gate, out var error), error);
        Assert.Equal(new GateBaseline(alias, metric, offset), gate!.Baseline);
    }

    [Theory]
    [InlineData("roc_auc >= champion.roc_auc - -0.002", "offset '-0.002'")]
    [InlineData("roc_auc >= champion.roc_auc - big", "offset 'big'")]
    [InlineData("roc_auc >= champion.roc_auc * 2", "not a finite number or a baseline")]
    [InlineData("roc_auc >= champion", "not a finite number or a baseline")]
    public void TryParse_BadBaselineExpression_SaysWhatIsWrong(string text, string expected)
    {
        Assert.False(GateSpec.TryParse(text, out var gate, out var error));
        Assert.Null(gate);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("roc_auc")]
    [InlineData("roc_auc = 0.9")]
    [InlineData(">= 0.9")]
    [InlineData("roc_auc >= nan")]
    [InlineData("roc_auc >= 0.9 and accuracy_score >= 0.9")]
    public void TryParse_BadExpression_Fails(string text)
    {
        Assert.False(GateSpec.TryParse(text, out var gate, out var error));
        Assert.Null(gate);
        Assert.Contains(text.Trim().Split(' ')[0], error);
    }

    [Theory]
    [InlineData(GateComparator.GreaterOrEqual, 0.95, true)]
    [InlineData(GateComparator.GreaterOrEqual, 0.9499, false)]
    [InlineData(GateComparator.Greater, 0.95, false)]
    [InlineData(GateComparator.LessOrEqual, 0.95, true)]
    [InlineData(GateComparator.Less, 0.95, false)]
    [InlineData(GateComparator.Equal, 0.95, true)]
    [InlineData(GateComparator.GreaterOrEqual, double.NaN, false)]
    public void IsMet_ComparesAgainstTheThreshold(GateComparator comparator, double value, bool met)
    {
        Assert.Equal(met, new GateSpec("m", comparator, 0.95).IsMet(value));
    }
}
