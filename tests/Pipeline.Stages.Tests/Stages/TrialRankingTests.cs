using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages.Select;

namespace Pipeline.Stages.Tests.Stages;

public class TrialRankingTests
{
    private static readonly IReadOnlyList<MetricDescriptor> BinaryMetrics = new DefaultMetricCatalog().MetricsFor(TaskKind.Binary);

    private static RankedTrial Trial(int index, params (string Metric, double Value)[] metrics) =>
        new(index, $"run{index}", metrics.ToDictionary(m => m.Metric, m => m.Value));

    [Fact]
    public void Rank_Maximize_PutsHighestFirst()
    {
        var ranking = new TrialRanking(new SelectSpec("roc_auc", OptimizationDirection.Maximize), BinaryMetrics);

        var ranked = ranking.Rank([Trial(0, ("roc_auc", 0.91)), Trial(1, ("roc_auc", 0.99)), Trial(2, ("roc_auc", 0.95))]);

        Assert.Equal([1, 2, 0], ranked.Select(t => t.Index));
    }

    [Fact]
    public void Rank_Minimize_PutsLowestFirst()
    {
        var ranking = new TrialRanking(new SelectSpec("log_loss", OptimizationDirection.Minimize), BinaryMetrics);

        var ranked = ranking.Rank([Trial(0, ("log_loss", 0.3)), Trial(1, ("log_loss", 0.1))]);

        Assert.Equal(1, ranked[0].Index);
    }

    [Fact]
    public void Rank_TieOnSelectionMetric_BrokenByNextMetricInItsOwnDirection()
    {
        // Same roc_auc; the catalog's next metrics decide. Counts (true_negatives, ...) come first in the binary
        // catalog, so give both the same counts and let log_loss (lower is better) decide.
        var ranking = new TrialRanking(new SelectSpec("roc_auc", OptimizationDirection.Maximize), BinaryMetrics);

        var ranked = ranking.Rank([Trial(0, ("roc_auc", 0.99), ("log_loss", 0.2)), Trial(1, ("roc_auc", 0.99), ("log_loss", 0.1))]);

        Assert.Equal(1, ranked[0].Index);
    }

    [Fact]
    public void Rank_CompleteTie_KeepsTrialOrder()
    {
        var ranking = new TrialRanking(new SelectSpec("roc_auc", OptimizationDirection.Maximize), BinaryMetrics);

        var ranked = ranking.Rank([Trial(3, ("roc_auc", 0.99)), Trial(1, ("roc_auc", 0.99)), Trial(2, ("roc_auc", 0.99))]);

        Assert.Equal([1, 2, 3], ranked.Select(t => t.Index));
    }

    [Fact]
    public void Rank_MissingOrNaNMetric_RanksLast()
    {
        var ranking = new TrialRanking(new SelectSpec("roc_auc", OptimizationDirection.Maximize), BinaryMetrics);

        var ranked = ranking.Rank([Trial(0, ("roc_auc", double.NaN)), Trial(1), Trial(2, ("roc_auc", 0.5))]);

        Assert.Equal(2, ranked[0].Index);
    }
}
