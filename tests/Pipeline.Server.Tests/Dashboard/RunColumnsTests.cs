using Pipeline.Server.Dashboard;
using Pipeline.Tracking.Entities;

namespace Pipeline.Server.Tests.Dashboard;

public sealed class RunColumnsTests
{
    private static Run Trial(params (string Key, double Value)[] metrics) =>
        new(new RunInfo("r1", "0", "t", "ci", RunStatus.Finished, 0, null, "file:///a", LifecycleStage.Active),
            new RunData([.. metrics.Select(m => new Metric(m.Key, m.Value, 0, 0))], [new Param("C", "1.0"), new Param("data.seed", "42"), new Param("trainer", "lbfgs")],
                [new RunTag("pipeline.gates", "passed"), new RunTag("pipeline.role", "trial"), new RunTag(SystemTags.RunName, "t")]), []);

    [Fact]
    public void Of_SelectionMetric_ComesFirstThenTheOtherMetricsInOrder()
    {
        var columns = RunColumns.Of([Trial(("accuracy_score", 0.9), ("roc_auc", 0.95), ("f1_score", 0.9))], "roc_auc", null);

        Assert.Equal(["roc_auc", "accuracy_score", "f1_score"], columns.Metrics);
        Assert.Equal(["Metrics", "Parameters", "Tags"], columns.Groups().Select(g => g.Group));
    }

    [Fact]
    public void Of_WithoutAChoice_HidesBookkeepingParamsAndMostTags()
    {
        var columns = RunColumns.Of([Trial(("roc_auc", 0.95))], "roc_auc", null);

        Assert.Equal(["C", "trainer", "data.seed"], columns.Params);
        Assert.False(columns.IsShown("params.data.seed"));
        Assert.True(columns.IsShown("params.C"));
        Assert.True(columns.IsShown("tags.pipeline.gates"));
        Assert.False(columns.IsShown("tags.pipeline.role"));
        Assert.DoesNotContain(SystemTags.RunName, columns.Tags);
    }

    [Fact]
    public void Of_WithTheUrlsChoice_ShowsExactlyTheChosenKeys()
    {
        var columns = RunColumns.Of([Trial(("roc_auc", 0.95), ("f1_score", 0.9))], "roc_auc", ["metrics.f1_score", "params.data.seed"]);

        Assert.False(columns.IsShown("metrics.roc_auc"));
        Assert.True(columns.IsShown("metrics.f1_score"));
        Assert.True(columns.IsShown("params.data.seed"));
        Assert.False(columns.IsShown("params.C"));
    }

    [Fact]
    public void Placeholder_NamesTheExperimentsOwnKeys()
    {
        var placeholder = RunsFilterForm.Placeholder([Trial(("roc_auc", 0.956))], "roc_auc");

        Assert.Equal("metrics.roc_auc > 0.95 and params.C = '1.0'", placeholder);
    }

    [Fact]
    public void BarZoom_CloseScores_AxisStartsNearThemNotAtZero()
    {
        var (min, max) = BarChartSvg.Zoom([0.945, 0.976]);

        Assert.InRange(min, 0.9, 0.945);
        Assert.InRange(max, 0.976, 0.99);
    }
}
