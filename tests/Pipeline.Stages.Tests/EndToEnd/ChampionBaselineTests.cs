using Pipeline.Stages.Running;

namespace Pipeline.Stages.Tests.EndToEnd;

/// <summary>A champion baseline gate and <c>model.promote</c> through the real runner on a SQLite store.</summary>
public class ChampionBaselineTests
{
    [Fact]
    public async Task FirstRunPassesWithoutChampionAndPromotes_ThenTheNewChampionRerunsEvaluate()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer", yaml => yaml
            .Replace("roc_auc >= 0.95", "roc_auc >= champion.roc_auc - 0.002")
            .Replace("alias: champion", "alias: challenger\n  promote: { to_alias: champion, metrics: [roc_auc], min_absolute_change: 0.002 }"));

        var evaluate = await workspace.RunThroughAsync(StageName.Evaluate);
        Assert.Equal(StageOutcome.Succeeded, evaluate.Outcome);
        Assert.Contains("no version holds @champion yet", workspace.Reporter.Text, StringComparison.Ordinal);
        var package = await workspace.RunAsync(StageName.Package);
        Assert.Contains("promoted to @champion", package.Summary, StringComparison.Ordinal);

        // Version 1 now holds @champion: Evaluate's inputs changed, so it reruns and compares with version 1's evaluation.
        var rerun = await workspace.RunAsync(StageName.Evaluate);

        Assert.Equal(StageOutcome.Succeeded, rerun.Outcome);
        Assert.Contains("@champion = version 1, roc_auc = ", workspace.Reporter.Text, StringComparison.Ordinal);
    }
}
