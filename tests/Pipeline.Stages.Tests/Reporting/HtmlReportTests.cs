using System.Text.RegularExpressions;
using Pipeline.Stages.Running;
using Pipeline.Stages.Stages;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Tests.Reporting;

/// <summary>The HTML report's content and self-containment, read as text.</summary>
[Collection(ReportedPipelineCollection.Name)]
public partial class HtmlReportTests(ReportedPipelineFixture pipeline)
{
    [Fact]
    public async Task AfterPackage_InlinesEveryEvaluationPlotAndListsEveryTrial()
    {
        var html = await File.ReadAllTextAsync(pipeline.HtmlPath);
        await using var store = pipeline.Workspace.OpenStore();
        var experiment = (await store.GetExperimentByNameAsync("breast-cancer"))!;
        var runs = (await store.SearchRunsAsync(new RunQuery([experiment.ExperimentId]))).Items;
        var evaluation = runs.Single(r => r.Data.Tag(PipelineTags.Role) == PipelineTags.RoleEvaluation);
        var plots = Directory.GetFiles(new Uri(evaluation.Info.ArtifactUri).LocalPath, "*.png");

        Assert.Equal(plots.Length, Images().Matches(html).Count);
        Assert.All(Images().Matches(html), m => Assert.StartsWith("data:image/png;base64,iVBORw0KGgo", m.Groups["src"].Value));
        foreach (var trial in runs.Where(r => r.Data.Tag(PipelineTags.Role) == PipelineTags.RoleTrial))
            Assert.Contains($"data-run=\"{trial.Info.RunId}\"", html);
        Assert.Contains("<code>models:/breast-cancer-classifier/1</code><br>alias <code>champion</code>", html);
        Assert.Contains(".NET 10", html);
    }

    [Fact]
    public async Task Report_ReferencesNothingOutsideItself()
    {
        var html = await File.ReadAllTextAsync(pipeline.HtmlPath);

        Assert.Contains("Content-Security-Policy\" content=\"default-src 'none'", html);
        Assert.DoesNotMatch(External(), html);
    }

    [GeneratedRegex("<img [^>]*src=\"(?<src>[^\"]*)\"")]
    private static partial Regex Images();

    [GeneratedRegex("(src|href)=\"(https?:|//)", RegexOptions.IgnoreCase)]
    private static partial Regex External();
}
