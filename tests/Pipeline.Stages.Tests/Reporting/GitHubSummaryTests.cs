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

        Assert.Contains(pipeline.SummaryAfter[StageName.Package].TrimEnd('\n'), afterPackage);
        Assert.Contains(pipeline.SummaryAfter[StageName.Sweep].TrimEnd('\n'), pipeline.StepSummaryAfter[StageName.Sweep]);
        Assert.Single(afterPackage.Split('\n'), l => l.StartsWith("## Pipeline", StringComparison.Ordinal));
        Assert.Contains(pipeline.Workspace.Reporter.Lines, l => l.StartsWith("Report: ", StringComparison.Ordinal) && l.EndsWith(", job summary.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OnGitHubActions_StepSummaryKeepsWhatOtherToolsWroteInTheSameStep()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer");
        var stepSummary = Path.Combine(workspace.Root, "step-summary.md");
        const string before = "## Unit tests\n\n42 passed\n";
        await File.WriteAllTextAsync(stepSummary, before);
        workspace.Environment = ReportedPipelineFixture.GitHubActions(stepSummary);

        await workspace.RunThroughAsync(StageName.PrepareData);
        await File.AppendAllTextAsync(stepSummary, "## Lint\n\nclean\n");
        await workspace.RunThroughAsync(StageName.PrepareData);

        var summary = await File.ReadAllTextAsync(stepSummary);
        Assert.StartsWith(before, summary);
        Assert.EndsWith("## Lint\n\nclean\n", summary);
        Assert.Single(summary.Split('\n'), l => l.StartsWith("## Pipeline", StringComparison.Ordinal));
        Assert.Contains((await File.ReadAllTextAsync(Path.Combine(workspace.OutputDirectory, "summary.md"))).TrimEnd('\n'), summary);
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
        Assert.Contains((await File.ReadAllTextAsync(Path.Combine(workspace.OutputDirectory, "summary.md"))).TrimEnd('\n'), summary);
    }

    [Fact]
    public async Task OnGitHubActions_StageError_PrintsAnErrorAnnotationNamingTheStage()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer");
        workspace.Environment = ReportedPipelineFixture.GitHubActions(Path.Combine(workspace.Root, "step-summary.md"));
        await workspace.RunAsync(StageName.InitStore);

        await Assert.ThrowsAsync<PipelineException>(() => workspace.RunAsync(StageName.Sweep));

        var annotation = Assert.Single(workspace.Reporter.Lines, l => l.StartsWith("::error", StringComparison.Ordinal));
        Assert.StartsWith("::error title=Sweep failed::", annotation);
        Assert.Contains("run the PrepareData stage first", annotation);
    }

    [Fact]
    public async Task OnGitHubActions_PipelineFileError_AnnotatesTheFileAtItsLineAndColumn()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer", yaml => yaml.Replace("  cv_folds: 5", "  cv_foldz: 5"));
        workspace.Environment = ReportedPipelineFixture.GitHubActions(Path.Combine(workspace.Root, "step-summary.md"));
        var line = File.ReadAllLines(workspace.PipelinePath).ToList().FindIndex(l => l.Contains("cv_foldz", StringComparison.Ordinal)) + 1;

        await Assert.ThrowsAsync<PipelineException>(() => workspace.RunAsync(StageName.InitStore));

        var annotation = Assert.Single(workspace.Reporter.Lines, l => l.StartsWith("::error", StringComparison.Ordinal));
        Assert.StartsWith($"::error file={workspace.PipelinePath.Replace(":", "%3A")},line={line},col=3,title=InitStore%3A pipeline file error::sweep.cv_foldz: ", annotation);
    }

    [Fact]
    public async Task OnGitHubActions_StageWarning_IsAlsoAWarningAnnotation()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer");
        workspace.Environment = ReportedPipelineFixture.GitHubActions(Path.Combine(workspace.Root, "step-summary.md"));
        // A file where the output folder should be: the reports cannot be written, which the stage reports as a warning.
        await File.WriteAllTextAsync(workspace.OutputDirectory, "");

        await workspace.RunAsync(StageName.InitStore);

        Assert.Contains(workspace.Reporter.Lines, l => l.StartsWith("warning: Report: not written", StringComparison.Ordinal));
        var annotation = Assert.Single(workspace.Reporter.Lines, l => l.StartsWith("::warning", StringComparison.Ordinal));
        Assert.StartsWith("::warning title=Pipeline warning::Report: not written", annotation);
    }

    [Fact]
    public async Task OutsideGitHubActions_StageError_PrintsNoAnnotation()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer");

        await Assert.ThrowsAsync<PipelineException>(() => workspace.RunAsync(StageName.PrepareData));

        Assert.DoesNotContain(workspace.Reporter.Lines, l => l.StartsWith("::", StringComparison.Ordinal));
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
