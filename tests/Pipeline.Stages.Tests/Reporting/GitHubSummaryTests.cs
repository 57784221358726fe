using Pipeline.Stages.Running;
using Pipeline.Stages.Tests.EndToEnd;
using Pipeline.Tracking.Metadata;

namespace Pipeline.Stages.Tests.Reporting;

/// <summary>The job summary and annotations on a simulated GitHub Actions runner, and the plain file elsewhere.</summary>
[Collection(ReportedPipelineCollection.Name)]
public class GitHubSummaryTests(ReportedPipelineFixture pipeline)
{
    [Fact]
    public void OnGitHubActions_StepSummaryIsRewrittenWithTheLatestSummaryAfterEachStage()
    {
        var afterPackage = pipeline.StepSummaryAfter[StageName.Package];

        Assert.Equal(pipeline.SummaryAfter[StageName.Package], afterPackage);
        Assert.Equal(pipeline.SummaryAfter[StageName.Sweep], pipeline.StepSummaryAfter[StageName.Sweep]);
        Assert.Single(afterPackage.Split('\n'), l => l.StartsWith("## Pipeline", StringComparison.Ordinal));
        Assert.Contains(pipeline.Workspace.Reporter.Lines, l => l.StartsWith("Report: ", StringComparison.Ordinal) && l.EndsWith(", job summary.", StringComparison.Ordinal));
    }

    [Fact]
    public void OnGitHubActions_PassingPipeline_PrintsNoAnnotations()
    {
        Assert.DoesNotContain(pipeline.Workspace.Reporter.Lines, l => l.StartsWith("::", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OnGitHubActions_FailedGate_PrintsAnErrorAnnotationAndTheSummaryShowsIt()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer",
            yaml => ReportedPipelineFixture.SmallSearchSpace(yaml).Replace("- accuracy_score >= 0.9", "- log_loss <= 0.000001"));
        var stepSummary = Path.Combine(workspace.Root, "step-summary.md");
        workspace.Environment = ReportedPipelineFixture.GitHubActions(stepSummary);

        var result = await workspace.RunThroughAsync(StageName.Evaluate);

        Assert.Equal(StageOutcome.GateFailed, result.Outcome);
        var annotation = Assert.Single(workspace.Reporter.Lines, l => l.StartsWith("::error", StringComparison.Ordinal));
        Assert.StartsWith("::error title=Gate failed%3A log_loss::breast-cancer: failed: log_loss = ", annotation);
        Assert.Contains($"(evaluation run {result.Outputs["evaluation_run_id"]})", annotation);
        var summary = await File.ReadAllTextAsync(stepSummary);
        Assert.Contains("- **Gates:** ❌ failed (1 of 2)", summary);
        Assert.Contains("| ❌ | log_loss | failed: log_loss = ", summary);
        Assert.Contains("| ✅ | roc_auc | passed: roc_auc = ", summary);
        Assert.Equal(summary, await File.ReadAllTextAsync(Path.Combine(workspace.OutputDirectory, "summary.md")));
    }

    [Fact]
    public async Task OutsideGitHubActions_WritesTheSummaryFileOnly()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer");
        var stepSummary = Path.Combine(workspace.Root, "step-summary.md");
        // Another CI that happens to set the variable is not GitHub: only GITHUB_ACTIONS=true turns the job summary on.
        workspace.Environment = new DictionaryEnvironmentVariables(new Dictionary<string, string> { ["CI"] = "true", ["GITHUB_STEP_SUMMARY"] = stepSummary });

        await workspace.RunThroughAsync(StageName.PrepareData);

        Assert.False(File.Exists(stepSummary));
        var summary = await File.ReadAllTextAsync(Path.Combine(workspace.OutputDirectory, "summary.md"));
        Assert.Contains("| breast_cancer | `578e7e3d` | 569 | 455 | 114 |", summary);
        Assert.True(File.Exists(Path.Combine(workspace.OutputDirectory, "report.html")));
        Assert.DoesNotContain(workspace.Reporter.Lines, l => l.StartsWith("::", StringComparison.Ordinal));
    }
}
