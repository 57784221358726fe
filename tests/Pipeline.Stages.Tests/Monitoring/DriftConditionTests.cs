using Pipeline.Ml.Drift;
using Pipeline.Stages.Monitoring;

namespace Pipeline.Stages.Tests.Monitoring;

public class DriftConditionTests
{
    private static readonly DriftAnalysis Analysis = new(100, 400,
        [Feature("a", psi: 0.05, ks: 0.1), Feature("b", psi: 0.35, ks: 0.4), Feature("c", psi: 0.25, ks: 0.2)],
        new PredictionDrift(0.02, ["0", "1"], [1, 1], [1, 1]), 0.04);

    [Theory]
    [InlineData("psi > 0.2", new[] { "psi.b = 0.35 > 0.2", "psi.c = 0.25 > 0.2" })]
    [InlineData("psi > 0.5", new string[0])]
    [InlineData("ks.b >= 0.4", new[] { "ks.b = 0.4 >= 0.4" })]
    [InlineData("psi_max > 0.3", new[] { "psi_max = 0.35 > 0.3" })]
    [InlineData("prediction_psi > 0.01", new[] { "prediction_psi = 0.02 > 0.01" })]
    [InlineData("rows < 500", new[] { "rows = 100 < 500" })]
    public void Check_ReturnsEachFigureThatMeetsTheCondition(string expression, string[] expected)
    {
        Assert.True(DriftCondition.TryParse(expression, out var condition, out var error), error);

        Assert.Equal(expected, condition!.Check(Analysis));
    }

    [Fact]
    public void UnknownFeature_NamesTheFeatureAndTheKnownOnes()
    {
        DriftCondition.TryParse("ks.z > 0.1", out var condition, out _);

        Assert.Contains("no feature 'z'", condition!.UnknownFeature(["a", "b"]));
        Assert.Null(condition.UnknownFeature(["z"]));
    }

    [Fact]
    public void HtmlAndMarkdown_DriftedFeature_IsListedDrawnAndFlagged()
    {
        var report = new DriftReport(new ProfiledModel(null!, "models:/m@champion", "m", "3"), "/logs", LogWindow.All,
            new LoggedRows(new LiveSample(100, new Dictionary<string, double[]>(), []), 1, 100, 0, 0, 0, 0, 0, null, null),
            Analysis, [], DateTimeOffset.Parse("2026-12-01T00:00:00Z"));

        var html = new DriftHtmlWriter().Write(report);
        var markdown = new DriftMarkdownWriter().Write(report);

        Assert.Equal(4, html.Split("<svg").Length - 1); // the predictions and one per feature
        Assert.Contains("Content-Security-Policy", html);
        Assert.Contains("<tr class=\"failed\"><td>b</td>", html);
        Assert.Contains("## Drift: m version 3", markdown);
        Assert.Contains("**2 of 3 features** with PSI > 0.2: `b` (0.35), `c` (0.25)", markdown);
    }

    private static FeatureDrift Feature(string name, double psi, double ks) =>
        new(name, psi, ks, 100, 0, 1, 1, [0, 1, 2], [50, 50], [40, 60]);
}
