using Pipeline.Stages.Reporting;
using Pipeline.Stages.Running;
using Pipeline.Stages.Spec;
using Pipeline.Tracking.Entities;

namespace Pipeline.Stages.Tests.Reporting;

/// <summary>Annotations and Markdown for reports built in memory: failed trials, escaping, and what repeats.</summary>
public class ReportPublisherTests
{
    private static readonly PipelineReport WithFailedTrial = new("exp", "pipelines/exp.yaml", DateTimeOffset.UnixEpoch, "p1",
        Sweep: new ReportSweep("s1", "roc_auc", OptimizationDirection.Maximize, 5, ["roc_auc"], ["roc_auc"],
        [
            new ReportTrial(0, "t0", "lbfgs-01", RunStatus.Finished, "lbfgs(C=1)", new Dictionary<string, string> { ["C"] = "1" },
                new Dictionary<string, CvMetric> { ["roc_auc"] = new(0.99, 0.01) }, 0.5, null),
            new ReportTrial(1, "t1", "lbfgs-02", RunStatus.Failed, "lbfgs(C=-1)", new Dictionary<string, string>(),
                new Dictionary<string, CvMetric>(), null, "C must be > 0, got -1\n100% wrong | really"),
        ], new ReportWinner("t0", "lbfgs(C=1)", 0.99)));

    [Fact]
    public void Annotations_AfterSweep_WarnForEachFailedTrialWithWorkflowCommandEscaping()
    {
        var lines = ReportPublisher.Annotations(WithFailedTrial, StageResult.Succeeded(StageName.Sweep, "done")).ToList();

        var line = Assert.Single(lines);
        Assert.Equal("::warning title=Trial failed%3A lbfgs-02::lbfgs(C=-1): C must be > 0, got -1%0A100%25 wrong | really", line);
    }

    [Fact]
    public void Annotations_AfterLaterStages_DoNotRepeatTheSweepsWarnings()
    {
        Assert.Empty(ReportPublisher.Annotations(WithFailedTrial, StageResult.Succeeded(StageName.Select, "done")));
        Assert.Empty(ReportPublisher.Annotations(WithFailedTrial, new StageResult(StageName.Sweep, StageOutcome.Skipped, "unchanged", new Dictionary<string, string>())));
    }

    [Fact]
    public void Markdown_FailedTrialError_StaysOneTableRowAndIsListedBelow()
    {
        var markdown = new MarkdownSummaryWriter().Write(WithFailedTrial);

        var row = Assert.Single(markdown.Split('\n'), l => l.StartsWith("| 2 | lbfgs-02 |", StringComparison.Ordinal));
        Assert.Contains("| ❌ failed |", row);
        Assert.Contains("- ❌ lbfgs-02: C must be > 0, got -1 100% wrong \\| really", markdown);
        Assert.Contains("### Sweep: 2 trials, 1 failed", markdown);
    }

    [Fact]
    public void Html_EscapesRecordedText()
    {
        var report = WithFailedTrial with { Experiment = "<script>alert(1)</script>" };

        var html = new HtmlReportWriter().Write(report);

        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }
}
