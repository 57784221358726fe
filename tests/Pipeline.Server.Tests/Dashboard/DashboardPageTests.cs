using System.Net;
using Pipeline.Tracking.Entities;

namespace Pipeline.Server.Tests.Dashboard;

/// <summary>The dashboard's pages over a real socket: status codes, content, encoding, error pages.</summary>
public sealed class DashboardPageTests(DashboardFixture server) : IClassFixture<DashboardFixture>
{
    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        using var response = await server.Http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.ToString() ?? "", StringComparison.Ordinal);
        return (response.StatusCode, html);
    }

    [Fact]
    public async Task ExperimentsList_LinksEachExperiment_WithItsNameEncoded()
    {
        var (status, html) = await GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"href=\"/experiments/{server.ExperimentId}\">breast-cancer &lt;sweep&gt;</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<sweep>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunsTable_NestsTrialsUnderTheirParent_AndEncodesValues()
    {
        var (status, html) = await GetAsync($"/experiments/{server.ExperimentId}");

        Assert.Equal(HttpStatusCode.OK, status);
        var parentRow = html.IndexOf($"data-run=\"{server.ParentRunId}\" data-depth=\"0\"", StringComparison.Ordinal);
        Assert.True(parentRow > 0);
        // Default order is newest first, yet each trial sits right after its parent, one level in.
        foreach (var trial in server.TrialRunIds)
            Assert.True(html.IndexOf($"data-run=\"{trial}\" data-depth=\"1\"", StringComparison.Ordinal) > parentRow, trial);
        Assert.Contains("odd &lt;b&gt;run&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;", html, StringComparison.Ordinal);
        // The only script is the dashboard's own file; the run's markup stays text.
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunsTable_OrderByMetric_ReordersAndLinksTheOppositeDirection()
    {
        var (status, html) = await GetAsync($"/experiments/{server.ExperimentId}?order_by={Uri.EscapeDataString("metrics.`accuracy` DESC")}");

        Assert.Equal(HttpStatusCode.OK, status);
        var positions = Enumerable.Range(0, 4).Select(i => html.IndexOf($">trial-{i}</a>", StringComparison.Ordinal)).ToList();
        Assert.True(positions[3] < positions[2] && positions[2] < positions[1] && positions[1] < positions[0], string.Join(",", positions));
        Assert.Contains("accuracy ▼", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunsTable_Filter_NarrowsTheRows()
    {
        var (status, html) = await GetAsync($"/experiments/{server.ExperimentId}?filter={Uri.EscapeDataString("params.kernel = 'rbf'")}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"child of <a href=\"/runs/{server.ParentRunId}\">{server.ParentRunId[..8]}</a>", html, StringComparison.Ordinal);
        Assert.Contains(">trial-1</a>", html, StringComparison.Ordinal);
        Assert.Contains(">trial-3</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">trial-0</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">sweep</a>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"params.kernel = &#39;rbf&#39;\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunsTable_InvalidFilter_Answers400WithTheParserMessage()
    {
        var (status, html) = await GetAsync($"/experiments/{server.ExperimentId}?filter={Uri.EscapeDataString("metrics.roc_auc >> <0.5")}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("id=\"search-error\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"metrics.roc_auc &gt;&gt; &lt;0.5\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunsTable_PagesWithMaxResultsAndNextPageToken()
    {
        var (_, first) = await GetAsync($"/experiments/{server.ExperimentId}?max_results=2");
        Assert.Equal(2, CountRows(first));
        var next = System.Text.RegularExpressions.Regex.Match(first, "href=\"([^\"]*)\" id=\"next-page\"").Groups[1].Value;
        Assert.Contains("max_results=2", next, StringComparison.Ordinal);

        var (status, second) = await GetAsync(WebUtility.HtmlDecode(next));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, CountRows(second));
    }

    [Fact]
    public async Task RunPage_ShowsParamsMetricChartAndPngPreview()
    {
        var (status, html) = await GetAsync($"/runs/{server.ParentRunId}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"children\"", html, StringComparison.Ordinal);
        // The parent logged roc_auc once (no history to draw); a trial logged it at three steps.
        var (_, trial) = await GetAsync($"/runs/{server.TrialRunIds[0]}");
        Assert.Contains("<svg class=\"chart\"", trial, StringComparison.Ordinal);
        var (_, folder) = await GetAsync($"/runs/{server.ParentRunId}?path=plots");
        Assert.Contains($"<img class=\"preview\" loading=\"lazy\" src=\"/runs/{server.ParentRunId}/artifact?path=plots%2Froc.png\"", folder, StringComparison.Ordinal);

        using var png = await server.Http.GetAsync($"/runs/{server.ParentRunId}/artifact?path=plots%2Froc.png");

        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal(DashboardFixture.Png, await png.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task RunPage_MetricChart_DrawsPointsInStepOrder_ThoughHistoryComesInTimeOrder()
    {
        var experiment = await server.Store.CreateExperimentAsync($"chart-{Guid.NewGuid():N}");
        var run = await server.Store.CreateRunAsync(experiment, "ci", 1, [], "late-steps");
        // Step 2 was logged first in time, so the store returns it first (MLflow's timestamp order).
        await server.Store.LogBatchAsync(run.Info.RunId,
            [new Metric("loss", 0.2, 100, 2), new Metric("loss", 0.9, 200, 0), new Metric("loss", 0.5, 300, 1)], [], []);

        var (_, html) = await GetAsync($"/runs/{run.Info.RunId}");

        var points = System.Text.RegularExpressions.Regex.Match(html, "<polyline class=\"series\"[^>]* points=\"([^\"]+)\"").Groups[1].Value;
        var xs = points.Split(' ').Select(p => double.Parse(p.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, xs.Count);
        Assert.Equal(xs.Order(), xs);
    }

    [Fact]
    public async Task ComparePage_DrawsTableAndParallelCoordinates()
    {
        var (status, html) = await GetAsync($"/compare?runs={string.Join(',', server.TrialRunIds)}&metric=roc_auc");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<svg id=\"parallel\"", html, StringComparison.Ordinal);
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(html, "class=\"run-line\"").Count);
        Assert.Contains("<tr class=\"param diff\"><th scope=\"row\">C</th>", html, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"optimization-history\"", html, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"parameter-importance\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComparePage_WithoutMetric_PlotsTheSweepsSelectionMetric()
    {
        // accuracy sorts first, but the trials' parent says the sweep selected by roc_auc.
        var (status, html) = await GetAsync($"/compare?runs={server.TrialRunIds[0]}&runs={server.TrialRunIds[1]}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<option selected>roc_auc</option>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Parameters against roc_auc</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelsPage_ListsVersionsAndAliases()
    {
        var (status, html) = await GetAsync("/models");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("cancer-classifier", html, StringComparison.Ordinal);
        Assert.Contains("@champion → v1", html, StringComparison.Ordinal);
        Assert.Contains("best of the &lt;sweep&gt;", html, StringComparison.Ordinal);
        Assert.Contains(server.TrialRunIds[1], html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/experiments/987654")]
    [InlineData("/runs/0123456789abcdef0123456789abcdef")]
    [InlineData("/compare?runs=0123456789abcdef0123456789abcdef")]
    public async Task UnknownIds_Answer404Pages(string path)
    {
        var (status, html) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("<h1>Not found</h1>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../mlruns.db")]
    [InlineData("/etc/passwd")]
    [InlineData("plots/missing.png")]
    public async Task ArtifactFile_OutsideTheRunOrMissing_IsRefused(string path)
    {
        using var response = await server.Http.GetAsync($"/runs/{server.ParentRunId}/artifact?path={Uri.EscapeDataString(path)}");

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
    }

    private static int CountRows(string html) => System.Text.RegularExpressions.Regex.Matches(html, "<tr data-run=").Count;
}
