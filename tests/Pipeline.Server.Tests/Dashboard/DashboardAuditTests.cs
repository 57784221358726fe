using System.Net;
using System.Text.RegularExpressions;
using Pipeline.Server.Artifacts;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Entities;

namespace Pipeline.Server.Tests.Dashboard;

/// <summary>What a walk through the dashboard with a real sweep found: deleted runs, single-value metrics, non-ASCII downloads.</summary>
public sealed class DashboardAuditTests(DashboardFixture server) : IClassFixture<DashboardFixture>
{
    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        using var response = await server.Http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task VersionPage_TagNamingARun_IsALinkAndOtherHexIsText()
    {
        var (status, html) = await GetAsync("/models/cancer-classifier/versions/1");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"href=\"/runs/{server.MarkupRunId}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/runs/0123456789abcdef0123456789abcdef\"", html, StringComparison.Ordinal);
        Assert.Contains("0123456789abcdef0123456789abcdef", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunPage_DeletedRun_SaysItIsDeleted()
    {
        var experiment = await server.Store.CreateExperimentAsync($"deleted-{Guid.NewGuid():N}");
        var run = await server.Store.CreateRunAsync(experiment, "ci", 1, [], "gone");
        await server.Store.DeleteRunAsync(run.Info.RunId);

        var (status, html) = await GetAsync($"/runs/{run.Info.RunId}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"deleted\"", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th>Lifecycle stage</th><td>deleted</td></tr>", html, StringComparison.Ordinal);
        var (_, active) = await GetAsync($"/runs/{server.ParentRunId}");
        Assert.DoesNotContain("id=\"deleted\"", active, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunPage_ChartsOnlyMetricsLoggedMoreThanOnce()
    {
        // Trials log roc_auc at three steps and accuracy once: accuracy's single value is in the table, not a one-dot chart.
        var (_, html) = await GetAsync($"/runs/{server.TrialRunIds[0]}");

        var charts = Regex.Matches(html, "<svg class=\"chart\"[^>]*><title>([^<]*)</title>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["roc_auc"], charts);
        Assert.Contains("<tr><th>accuracy</th><td>0.8</td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComparePage_MetricLoggedOnce_IsABarPerRun_AndHistoriesHaveALegend()
    {
        var (status, html) = await GetAsync($"/compare?runs={string.Join(',', server.TrialRunIds)}");

        Assert.Equal(HttpStatusCode.OK, status);
        var bars = Regex.Match(html, "<svg class=\"chart bars\".*?</svg>").Value;
        Assert.Contains("<title>accuracy</title>", bars, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Matches(bars, "<rect ").Count);
        Assert.Contains("<title>trial-3: 0.89</title>", bars, StringComparison.Ordinal);
        var history = Regex.Match(html, "<svg class=\"chart\" [^>]*><title>roc_auc</title>.*?</svg>").Value;
        Assert.Equal(4, Regex.Matches(history, "<polyline ").Count);
        Assert.Equal(server.TrialRunIds.Select((_, i) => $"trial-{i}"), Regex.Matches(history, "<g class=\"legend\"><title>([^<]*)</title>").Select(m => m.Groups[1].Value));
    }

    [Fact]
    public async Task ArtifactFile_NonAsciiName_DownloadsUnderItsUtf8Name()
    {
        var run = await server.Store.GetRunAsync(server.ParentRunId);
        var (repository, prefix) = new ServerArtifacts(server.Options, new ArtifactRepositoryRegistry()).Resolve(run.Info.ArtifactUri);
        await repository.WriteAsync(prefix.Length == 0 ? "über daten.bin" : $"{prefix}/über daten.bin", new MemoryStream([1, 2, 3]));

        using var response = await server.Http.GetAsync($"/runs/{server.ParentRunId}/artifact?path={Uri.EscapeDataString("über daten.bin")}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.Equal("attachment", disposition?.DispositionType);
        Assert.Equal("über daten.bin", disposition?.FileNameStar);
    }

    [Fact]
    public void LineChartShorten_CutsALongNameAtTheEnd()
    {
        Assert.Equal("lbfgs_logistic_regres…", Pipeline.Server.Dashboard.LineChartSvg.Shorten("lbfgs_logistic_regression-01", 22));
        Assert.Equal("short", Pipeline.Server.Dashboard.LineChartSvg.Shorten("short", 22));
    }
}
