using Pipeline.Stages.Running;
using Pipeline.Stages.Tests.EndToEnd;
using Pipeline.Tracking.Metadata;

namespace Pipeline.Stages.Tests.Reporting;

/// <summary>
/// One breast-cancer pipeline (four trials, to stay fast) run stage by stage, InitStore through Package, on a
/// simulated GitHub Actions runner: keeps the summary and step-summary text after each stage for the tests to read.
/// </summary>
public sealed class ReportedPipelineFixture : IAsyncLifetime
{
    internal PipelineWorkspace Workspace { get; } = PipelineWorkspace.Create("breast-cancer", SmallSearchSpace);

    public string StepSummaryPath => Path.Combine(Workspace.Root, "step-summary.md");

    public Dictionary<StageName, string> SummaryAfter { get; } = [];

    public Dictionary<StageName, string> StepSummaryAfter { get; } = [];

    public Dictionary<StageName, StageResult> Results { get; } = [];

    public string SummaryPath => Path.Combine(Workspace.OutputDirectory, "summary.md");

    public string HtmlPath => Path.Combine(Workspace.OutputDirectory, "report.html");

    /// <summary>Two values of C for each of the two solvers.</summary>
    internal static string SmallSearchSpace(string yaml) => yaml.Replace("C: [0.01, 0.1, 0.5, 1.0, 2.0, 3.0]", "C: [0.1, 1.0]");

    public async Task InitializeAsync()
    {
        Workspace.Environment = GitHubActions(StepSummaryPath);
        foreach (var stage in StageNames.InWorkflowOrder.TakeWhile(s => s <= StageName.Package))
        {
            Results[stage] = await Workspace.RunAsync(stage);
            SummaryAfter[stage] = await File.ReadAllTextAsync(SummaryPath);
            StepSummaryAfter[stage] = await File.ReadAllTextAsync(StepSummaryPath);
        }
    }

    public async Task DisposeAsync() => await Workspace.DisposeAsync();

    internal static DictionaryEnvironmentVariables GitHubActions(string stepSummaryPath) => new(new Dictionary<string, string>
    {
        ["GITHUB_ACTIONS"] = "true",
        ["CI"] = "true",
        ["GITHUB_STEP_SUMMARY"] = stepSummaryPath,
    });
}
